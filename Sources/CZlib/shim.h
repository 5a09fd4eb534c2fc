// zlib (Debian: zlib1g-dev), used to read gzip-compressed dataset files.
#ifndef NASKIT_CZLIB_SHIM_H
#define NASKIT_CZLIB_SHIM_H
#include <zlib.h>
#endif
