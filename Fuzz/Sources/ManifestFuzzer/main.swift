import FuzzerDriver

#if canImport(Glibc)
    import Glibc
#endif

// libFuzzer parses the command line, runs the inputs and exits on its own.
exit(fuzzer_run_driver(CommandLine.argc, CommandLine.unsafeArgv) { fuzzOneInput($0, $1) })
