import MemcachedOpsLocal

/// `mcops local issuer`: adds a CA issuer to a local fleet.
struct LocalIssuerCommand: Subcommand {
    let path = ["local", "issuer"]
    let summary = "Add a CA issuer to a local fleet"
    let help = """
        Usage: mcops local issuer --dir DIR --name NAME [--kind Issuer|ClusterIssuer]

        Creates a new self-signed CA in the fleet in DIR and a cert-manager issuer NAME
        (kind Issuer unless told otherwise) that issues from it; requests name it in
        spec.tls.issuerRef. Prints the CA certificate's path, which clients trust. Adding
        an issuer that exists changes nothing.

        Options:
          --dir DIR      The fleet's directory.
          --name NAME    The issuer's name.
          --kind KIND    Issuer (the default) or ClusterIssuer.
          -h, --help     Show this help.
        """

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        let directory: String
        let name: String
        let kind: String
        do {
            let scanner = try ArgumentScanner(arguments, valueOptions: ["dir", "name", "kind"])
            try LocalCommandSupport.noPositionals(scanner)
            directory = try LocalCommandSupport.required(scanner, "dir")
            name = try LocalCommandSupport.required(scanner, "name")
            kind = try scanner.choice("kind", ["Issuer", "ClusterIssuer"], default: "Issuer")
        } catch {
            return LocalCommandSupport.usage("local issuer", error, io: io)
        }
        do {
            let fleet = try LocalFleet.open(at: directory)
            let issuer = try fleet.addIssuer(named: name, kind: kind)
            io.line("\(issuer.kind) \(name): clients trust \(fleet.caFile(ofIssuer: name))")
        } catch {
            return LocalCommandSupport.fail("local issuer", error, io: io)
        }
        return ExitCode.success
    }
}
