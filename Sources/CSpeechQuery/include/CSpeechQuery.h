#ifndef CSPEECHQUERY_H
#define CSPEECHQUERY_H

#include <stddef.h>

/// memmem(3): glibc declares it only under _GNU_SOURCE, which Swift's Glibc module does not
/// set, so the library reaches it through this shim.
const void *sq_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
