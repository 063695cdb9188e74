import MemcachedOps
import MemcachedOpsYAML

/// `mcops convert --to json|yaml FILE`: prints the documents in the other format.
struct ConvertCommand: Subcommand {
    let path = ["convert"]
    let summary = "Convert manifests between YAML and JSON, losslessly"
    let help = """
        Usage: mcops convert --to json|yaml [--include-secret-values] FILE

        Prints every document of FILE in the requested format, keeping every field, its
        key order and the exact text of numbers. YAML output is block style, documents
        separated by ---; JSON output is one pretty-printed document after another.

        The values of a Secret's data and stringData are replaced by "<redacted>" unless
        --include-secret-values is given.

        Options:
          --to FORMAT                json or yaml (required).
          --include-secret-values    Print Secret values as they are.
          -h, --help                 Show this help.
        """

    static let redacted = "<redacted>"

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        let format: String
        let file: String
        let includeSecrets: Bool
        do {
            let scanner = try ArgumentScanner(
                arguments, valueOptions: ["to"], flagOptions: ["include-secret-values"])
            guard scanner.value("to") != nil else {
                throw ArgumentScanner.UsageError(description: "--to json|yaml is required")
            }
            format = try scanner.choice("to", ["json", "yaml"], default: "yaml")
            guard scanner.positionals.count == 1, let only = scanner.positionals.first else {
                throw ArgumentScanner.UsageError(description: "expected exactly one FILE")
            }
            file = only
            includeSecrets = scanner.flag("include-secret-values")
        } catch {
            io.errorLine("mcops convert: \(error)")
            return ExitCode.usage
        }

        let documents: [JSONValue]
        do {
            documents = try DocumentReader.readFile(atPath: file).map(\.value)
        } catch {
            io.errorLine(error.description)
            return ExitCode.failure
        }

        var redactedCount = 0
        let output = documents.map { document -> JSONValue in
            guard !includeSecrets else { return document }
            let (clean, count) = Self.redactingSecrets(document)
            redactedCount += count
            return clean
        }
        if redactedCount > 0 {
            io.errorLine(
                "mcops convert: \(file): \(redactedCount) secret value(s) replaced by "
                    + "\(Self.redacted); pass --include-secret-values to print them")
        }
        if format == "json" {
            for document in output {
                io.line(JSONWriter.string(document, style: .pretty))
            }
        } else {
            io.out(YAMLWriter.string(output))
        }
        return ExitCode.success
    }

    /// A document with the values of a Secret's `data` and `stringData` replaced.
    static func redactingSecrets(_ document: JSONValue) -> (JSONValue, Int) {
        guard case .object(var object) = document, object["kind"] == "Secret" else {
            return (document, 0)
        }
        var count = 0
        for key in ["data", "stringData"] {
            guard case .object(var values)? = object[key] else { continue }
            for entry in values {
                values[entry.key] = .string(redacted)
                count += 1
            }
            object[key] = .object(values)
        }
        return (.object(object), count)
    }
}
