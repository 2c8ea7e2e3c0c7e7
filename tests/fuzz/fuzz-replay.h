/* fuzz-replay.h — the entry point of every fuzz target
 *
 * With -Dfuzzing libFuzzer calls it; otherwise fuzz-replay.c's main() calls
 * it once for each file of the corpus folders named on its command line.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
