// HDF5's C API (Debian: libhdf5-dev; pkg-config `hdf5`). Swift cannot import HDF5's property-list, type and
// file-access macros (they expand to casts or to calls of H5open), so each one used is a static inline getter here.
#ifndef NASKIT_CHDF5_SHIM_H
#define NASKIT_CHDF5_SHIM_H
#include <hdf5.h>

static inline hid_t naskit_H5P_DEFAULT(void) { return H5P_DEFAULT; }
static inline hid_t naskit_H5S_ALL(void) { return H5S_ALL; }
static inline hid_t naskit_H5T_NATIVE_FLOAT(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t naskit_H5T_NATIVE_DOUBLE(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t naskit_H5T_NATIVE_INT32(void) { return H5T_NATIVE_INT32; }
static inline hid_t naskit_H5T_NATIVE_INT64(void) { return H5T_NATIVE_INT64; }
static inline hid_t naskit_H5T_NATIVE_UINT8(void) { return H5T_NATIVE_UINT8; }
static inline hid_t naskit_H5T_C_S1(void) { return H5T_C_S1; }
static inline unsigned naskit_H5F_ACC_RDONLY(void) { return H5F_ACC_RDONLY; }
static inline unsigned naskit_H5F_ACC_RDWR(void) { return H5F_ACC_RDWR; }
static inline unsigned naskit_H5F_ACC_TRUNC(void) { return H5F_ACC_TRUNC; }
static inline unsigned naskit_H5F_ACC_EXCL(void) { return H5F_ACC_EXCL; }
static inline hid_t naskit_H5P_DATASET_CREATE(void) { return H5P_DATASET_CREATE; }
static inline hid_t naskit_H5P_GROUP_CREATE(void) { return H5P_GROUP_CREATE; }
static inline hid_t naskit_H5P_FILE_CREATE(void) { return H5P_FILE_CREATE; }
static inline hid_t naskit_H5P_FILE_ACCESS(void) { return H5P_FILE_ACCESS; }
static inline hid_t naskit_H5P_LINK_CREATE(void) { return H5P_LINK_CREATE; }
static inline hid_t naskit_H5E_DEFAULT(void) { return H5E_DEFAULT; }
static inline size_t naskit_H5T_VARIABLE(void) { return H5T_VARIABLE; }
static inline unsigned naskit_H5O_INFO_NUM_ATTRS(void) { return H5O_INFO_NUM_ATTRS; }
#endif
