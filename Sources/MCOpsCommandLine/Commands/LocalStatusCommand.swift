import MemcachedOps
import MemcachedOpsLocal

/// `mcops local status`: shows a local fleet's database, pods, issuers and requests.
struct LocalStatusCommand: Subcommand {
    let path = ["local", "status"]
    let summary = "Show a local fleet: its pods as they answer, issuers and requests"
    let help = """
        Usage: mcops local status --dir DIR [--output text|json]

        Shows the fleet in DIR: the Memcached object (its phase from the pods' readiness,
        whether it is paused, its TLS issuer), each pod (port, pid, whether it answers a
        version round trip over its protocol, TLS, the SHA-256 fingerprint of the
        certificate it presents), the issuers and the requests with their phase.

        JSON output has the keys database (the Memcached object), pods (each name, port,
        pid, ready, tls, certificateSHA256, restartCount, reloadCount), issuers (each
        name, kind, caFile, ready) and requests (each name, phase, conditions).

        Options:
          --dir DIR         The fleet's directory.
          --output FORMAT   text (the default) or json.
          -h, --help        Show this help.
        """

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        let directory: String
        let output: String
        do {
            let scanner = try ArgumentScanner(arguments, valueOptions: ["dir", "output"])
            try LocalCommandSupport.noPositionals(scanner)
            directory = try LocalCommandSupport.required(scanner, "dir")
            output = try scanner.choice("output", ["text", "json"], default: "text")
        } catch {
            return LocalCommandSupport.usage("local status", error, io: io)
        }
        do {
            let fleet = try LocalFleet.open(at: directory)
            let status = try await fleet.status()
            if output == "json" {
                io.line(JSONWriter.string(status.json, style: .pretty))
            } else {
                io.out(LocalCommandSupport.statusText(status, fleet: fleet))
            }
        } catch {
            return LocalCommandSupport.fail("local status", error, io: io)
        }
        return ExitCode.success
    }
}
