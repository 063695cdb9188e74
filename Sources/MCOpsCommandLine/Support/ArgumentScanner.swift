/// A small, strict scanner for `--option value`, `--option=value` and `--flag` arguments.
///
/// Unknown options are errors, so a mistyped option never silently does nothing.
struct ArgumentScanner {
    /// A problem with the command line, reported with exit status 2.
    struct UsageError: Error, CustomStringConvertible {
        /// What was wrong.
        let description: String
    }

    private(set) var positionals: [String] = []
    private var options: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Scans `arguments`.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the command's path.
    ///   - valueOptions: Option names (without `--`) that take a value.
    ///   - flagOptions: Option names (without `--`) that take none.
    /// - Throws: ``UsageError`` for an unknown option or a missing value.
    init(
        _ arguments: [String],
        valueOptions: Set<String> = [],
        flagOptions: Set<String> = []
    ) throws(UsageError) {
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = String(argument.drop(while: { $0 == "-" }))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if flagOptions.contains(name) {
                if inlineValue != nil {
                    throw UsageError(description: "option --\(name) takes no value")
                }
                flags.insert(name)
            } else if valueOptions.contains(name) {
                if let inlineValue {
                    options[name, default: []].append(inlineValue)
                } else if index < arguments.count {
                    options[name, default: []].append(arguments[index])
                    index += 1
                } else {
                    throw UsageError(description: "option --\(name) needs a value")
                }
            } else {
                throw UsageError(description: "unknown option \(argument)")
            }
        }
    }

    /// Whether `--name` was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// The last value given for `--name`, if any.
    func value(_ name: String) -> String? { options[name]?.last }

    /// Every value given for `--name`, in order.
    func values(_ name: String) -> [String] { options[name] ?? [] }

    /// The value of `--name`, which must be one of `allowed`.
    func choice(_ name: String, _ allowed: [String], default fallback: String)
        throws(UsageError) -> String
    {
        guard let given = value(name) else { return fallback }
        guard allowed.contains(given) else {
            let list = allowed.joined(separator: ", ")
            throw UsageError(description: "--\(name) must be one of \(list), not \"\(given)\"")
        }
        return given
    }
}
