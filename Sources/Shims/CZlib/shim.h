#ifndef BOTCORE_CZLIB_SHIM_H
#define BOTCORE_CZLIB_SHIM_H
#include <zlib.h>

// deflateInit2/inflateInit2 are macros that pass the library version and stream size; Swift cannot
// call macros, so these wrappers do it.
static inline int botcore_deflate_init2(z_streamp stream, int level, int method, int window_bits,
                                        int mem_level, int strategy) {
    return deflateInit2(stream, level, method, window_bits, mem_level, strategy);
}
static inline int botcore_inflate_init2(z_streamp stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}
#endif
