// XGBoost's C API (Debian: libxgboost-dev, version 1.7.4), for gradient-boosted tree predictors.
#ifndef NASKIT_CXGBOOST_SHIM_H
#define NASKIT_CXGBOOST_SHIM_H
#include <xgboost/c_api.h>
#endif
