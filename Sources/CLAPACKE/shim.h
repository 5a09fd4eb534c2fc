// LAPACK's C interface (Debian: liblapacke-dev), for Cholesky factorizations (Gaussian processes) and other dense
// linear algebra; the LAPACK routines underneath come from OpenBLAS.
#ifndef NASKIT_CLAPACKE_SHIM_H
#define NASKIT_CLAPACKE_SHIM_H
#include <lapacke.h>
#endif
