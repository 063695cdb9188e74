#include "FuzzerDriver.h"

// Provided by libFuzzer (libclang_rt.fuzzer), linked in by `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*test_one_input)(const uint8_t *data, size_t size));

int fuzzer_run_driver(int argc, char **argv, fuzzer_test_one_input test_one_input) {
    return LLVMFuzzerRunDriver(&argc, &argv, test_one_input);
}
