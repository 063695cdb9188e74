#ifndef MEMCACHEDOPS_FUZZER_DRIVER_H
#define MEMCACHEDOPS_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// The function libFuzzer calls with each input.
typedef int (*fuzzer_test_one_input)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver (`LLVMFuzzerRunDriver`) with the command-line arguments and
/// the function to call with each input; returns the process exit status.
int fuzzer_run_driver(int argc, char **argv, fuzzer_test_one_input test_one_input);

#endif
