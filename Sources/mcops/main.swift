import MCOpsCommandLine

#if canImport(Glibc)
    import Glibc
#endif

// Writing to a closed socket or pipe must give an error, not kill the tool.
signal(SIGPIPE, SIG_IGN)

let status = await MCOpsTool.run(Array(CommandLine.arguments.dropFirst()), io: StandardIO())
exit(status)
