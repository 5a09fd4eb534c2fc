// OpenBLAS's CBLAS and LAPACKE interfaces (Debian: libopenblas-dev, liblapacke-dev; pkg-config `openblas`).
#ifndef NASKIT_CBLAS_SHIM_H
#define NASKIT_CBLAS_SHIM_H
#include <cblas.h>
#endif
