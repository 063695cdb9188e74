import MemcachedOpsLocal

/// `mcops local up`: creates a local fleet (or starts the pods of an existing one).
struct LocalUpCommand: Subcommand {
    let path = ["local", "up"]
    let summary = "Start a local fleet: a Memcached of real memcached pods on 127.0.0.1"
    let help = """
        Usage: mcops local up --dir DIR --name NAME --replicas N [--namespace NS]
                              [--restartable] [--memcached PATH]

        Creates a local fleet in DIR: a Memcached object NAME without TLS, N memcached
        processes on 127.0.0.1 (the pods NAME-0 ... NAME-N-1, each on its own port), and
        a CA issuer named local-ca (kind Issuer). The pods keep running after this command
        exits; 'mcops local down --dir DIR' stops them. On a directory that already holds
        the fleet, starts the pods that are not running.

        Requires Debian's memcached package (apt-get install memcached).

        Options:
          --dir DIR         The fleet's directory; created when missing.
          --name NAME       The Memcached object's name.
          --replicas N      How many pods (1 or more).
          --namespace NS    Its namespace (default: default).
          --restartable     Run memcached in its restartable mode (-e with a memory file),
                            so that restarts keep the cache.
          --memcached PATH  The memcached program (default: $MCOPS_MEMCACHED or
                            /usr/bin/memcached).
          -h, --help        Show this help.
        """

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        let directory: String
        let name: String
        let replicas: Int
        let namespace: String
        let options: LocalFleet.Options
        do {
            let scanner = try ArgumentScanner(
                arguments, valueOptions: ["dir", "name", "replicas", "namespace", "memcached"],
                flagOptions: ["restartable"])
            try LocalCommandSupport.noPositionals(scanner)
            directory = try LocalCommandSupport.required(scanner, "dir")
            name = try LocalCommandSupport.required(scanner, "name")
            let count = try LocalCommandSupport.required(scanner, "replicas")
            guard let number = Int(count), number > 0 else {
                throw ArgumentScanner.UsageError(
                    description: "--replicas must be a number of at least 1, not \"\(count)\"")
            }
            replicas = number
            namespace = scanner.value("namespace") ?? "default"
            options = LocalFleet.Options(
                memcachedPath: scanner.value("memcached") ?? LocalFleet.defaultMemcachedPath,
                restartable: scanner.flag("restartable"))
        } catch {
            return LocalCommandSupport.usage("local up", error, io: io)
        }

        let fleet: LocalFleet
        do {
            if LocalFleet.exists(at: directory) {
                fleet = try LocalFleet.open(at: directory)
                guard fleet.databaseName == name, fleet.namespace == namespace else {
                    io.errorLine(
                        "mcops local up: \(directory) holds the fleet of "
                            + "\(fleet.namespace)/\(fleet.databaseName), not \(namespace)/\(name)")
                    return ExitCode.failure
                }
                try await fleet.start()
            } else {
                fleet = try await LocalFleet.create(
                    at: directory, database: name, namespace: namespace, replicas: replicas,
                    options: options)
            }
            let status = try await fleet.status()
            io.out(LocalCommandSupport.statusText(status, fleet: fleet))
        } catch {
            return LocalCommandSupport.fail("local up", error, io: io)
        }
        return ExitCode.success
    }
}
