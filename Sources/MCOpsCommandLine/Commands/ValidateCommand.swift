import MemcachedOps
import MemcachedOpsYAML

/// `mcops validate FILE...`: reads every document of every file and applies admission.
struct ValidateCommand: Subcommand {
    let path = ["validate"]
    let summary = "Check manifests: syntax, types and KubeDB's admission rules"
    let help = """
        Usage: mcops validate FILE...

        Reads every document of every file (YAML or JSON, one or more documents each) and
        checks it: syntax, field types, and the admission rules of KubeDB's webhook plus the
        checks it misses. An ops request's databaseRef is checked against the Memcached
        objects given in the same run, when there are any.

        Problems go to standard error as FILE: PATH: message (syntax errors as
        FILE:LINE:COLUMN: message); warnings are printed and do not fail the run.

        Exit status: 0 when every document is valid, 1 when any is malformed, mistyped or
        refused, 2 for a usage error.

        Options:
          -h, --help   Show this help.
        """

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        let files: [String]
        do {
            files = try ArgumentScanner(arguments).positionals
        } catch {
            io.errorLine("mcops validate: \(error)")
            return ExitCode.usage
        }
        guard !files.isEmpty else {
            io.errorLine("mcops validate: no file given; see 'mcops validate --help'")
            return ExitCode.usage
        }

        var failed = false
        var read: [(file: String, entries: [ManifestFile.Entry])] = []
        for file in files {
            do {
                read.append((file, try ManifestFile.readEach(atPath: file)))
            } catch {
                io.errorLine(error.description)
                failed = true
            }
        }

        let databases = read.flatMap(\.entries).compactMap { entry -> Memcached? in
            if case .success(.memcached(let database)) = entry.result { return database }
            return nil
        }
        for (file, entries) in read {
            if entries.isEmpty {
                io.errorLine("\(file): warning: the file holds no document")
            }
            for entry in entries {
                switch entry.result {
                case .failure(let error):
                    io.errorLine(error.description)
                    failed = true
                case .success(let manifest):
                    let violations = Admission.validate(
                        manifest, databases: databases.isEmpty ? nil : databases)
                    let location = entries.count > 1 ? "\(file): document \(entry.index + 1)" : file
                    for violation in violations {
                        io.errorLine("\(location): \(violation)")
                    }
                    if Admission.isAdmitted(violations) {
                        io.line("\(location): \(describe(manifest)): valid")
                    } else {
                        failed = true
                    }
                }
            }
        }
        return failed ? ExitCode.failure : ExitCode.success
    }

    private func describe(_ manifest: Manifest) -> String {
        let metadata = manifest.metadata
        let name = metadata.name ?? metadata.generateName ?? "(unnamed)"
        if let namespace = metadata.namespace {
            return "\(manifest.kind) \(namespace)/\(name)"
        }
        return "\(manifest.kind) \(name)"
    }
}
