import MemcachedOpsLocal

/// `mcops local down`: stops every pod of a local fleet.
struct LocalDownCommand: Subcommand {
    let path = ["local", "down"]
    let summary = "Stop every pod of a local fleet, by pid, and wait until each is gone"
    let help = """
        Usage: mcops local down --dir DIR

        Stops every memcached of the fleet in DIR by its recorded pid (SIGTERM; SIGUSR1
        for a restartable fleet, which saves the cache for the next 'mcops local up') and
        waits until each is gone. The directory, with its certificates and requests,
        stays; 'mcops local up' starts the pods again.

        Options:
          --dir DIR    The fleet's directory.
          -h, --help   Show this help.
        """

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        let directory: String
        do {
            let scanner = try ArgumentScanner(arguments, valueOptions: ["dir"])
            try LocalCommandSupport.noPositionals(scanner)
            directory = try LocalCommandSupport.required(scanner, "dir")
        } catch {
            return LocalCommandSupport.usage("local down", error, io: io)
        }
        do {
            let fleet = try LocalFleet.open(at: directory)
            let count = try fleet.pods().count
            try await fleet.stop()
            io.line(
                "Stopped the \(count) pod\(count == 1 ? "" : "s") of "
                    + "\(fleet.namespace)/\(fleet.databaseName).")
        } catch {
            return LocalCommandSupport.fail("local down", error, io: io)
        }
        return ExitCode.success
    }
}
