/// One command of the `mcops` tool, such as `validate` or `cert inspect`.
///
/// A command parses its own arguments with ``ArgumentScanner`` and returns an exit status
/// from ``ExitCode``. It never calls `exit` itself, so tests can run it in process.
protocol Subcommand: Sendable {
    /// The words that select the command, such as `["cert", "inspect"]`.
    var path: [String] { get }

    /// A one-line summary shown in the tool's help.
    var summary: String { get }

    /// The full help text: usage line, description and options.
    var help: String { get }

    /// Runs the command with the arguments that follow its path.
    func run(_ arguments: [String], io: any CommandIO) async -> Int32
}
