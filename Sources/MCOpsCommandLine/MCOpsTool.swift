/// The `mcops` command-line tool, runnable in process.
///
/// `mcops` reads KubeDB manifests, validates and converts them, plans TLS changes, works
/// with certificates, and drives requests on a local memcached fleet. The executable is a
/// thin wrapper around ``run(_:io:)``; tests call it directly with a capturing ``CommandIO``.
public enum MCOpsTool {
    /// Every command the tool knows, in the order its help lists them.
    static let commands: [any Subcommand] = CommandRegistry.all

    /// Runs the tool.
    ///
    /// - Parameters:
    ///   - arguments: The command line without the program name.
    ///   - io: Where output and problems go.
    /// - Returns: The exit status: 0 success, 1 failure, 2 usage error.
    public static func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        if arguments.isEmpty || arguments == ["--help"] || arguments == ["-h"]
            || arguments == ["help"]
        {
            io.out(overview())
            return arguments.isEmpty ? ExitCode.usage : ExitCode.success
        }
        if arguments == ["--version"] {
            io.line(version)
            return ExitCode.success
        }

        guard let (command, rest) = match(arguments) else {
            let group = commands.filter { $0.path.first == arguments[0] }
            if !group.isEmpty {
                let wantsHelp = arguments.count == 1 || arguments.dropFirst().first == "--help"
                let sink: (String) -> Void = wantsHelp ? { io.out($0) } : { io.err($0) }
                if !wantsHelp {
                    sink("mcops: unknown command '\(arguments.joined(separator: " "))'\n")
                }
                sink(groupHelp(arguments[0], group))
                return wantsHelp && arguments.count > 1 ? ExitCode.success : ExitCode.usage
            }
            io.errorLine("mcops: unknown command '\(arguments[0])'; see 'mcops --help'")
            return ExitCode.usage
        }
        if rest.contains("--help") || rest.contains("-h") {
            io.out(command.help)
            return ExitCode.success
        }
        return await command.run(rest, io: io)
    }

    /// The tool's version.
    public static let version = "0.1.0"

    private static func match(_ arguments: [String]) -> (any Subcommand, [String])? {
        let sorted = commands.sorted { $0.path.count > $1.path.count }
        for command in sorted where arguments.starts(with: command.path) {
            return (command, Array(arguments.dropFirst(command.path.count)))
        }
        return nil
    }

    private static func overview() -> String {
        var text = """
            mcops: reconfigure TLS on KubeDB Memcached databases.

            Usage: mcops <command> [options]

            Commands:

            """
        let width = commands.map { $0.path.joined(separator: " ").count }.max() ?? 0
        for command in commands {
            let name = command.path.joined(separator: " ")
            let padding = String(repeating: " ", count: width - name.count)
            text += "  \(name)\(padding)  \(command.summary)\n"
        }
        text += "\nRun 'mcops <command> --help' for a command's options.\n"
        return text
    }

    private static func groupHelp(_ group: String, _ members: [any Subcommand]) -> String {
        var text = "Usage: mcops \(group) <command> [options]\n\nCommands:\n"
        for command in members {
            text += "  \(command.path.joined(separator: " "))  \(command.summary)\n"
        }
        return text
    }
}
