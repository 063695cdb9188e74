import Foundation
import MemcachedOpsTLS

/// Runs the `openssl` command-line tool, an independent reader to check this module
/// against.
enum OpenSSLTool {
    /// The tool's path.
    static let path = "/usr/bin/openssl"

    /// Whether the tool is installed.
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Runs `openssl arguments...` and returns what it printed.
    static func run(_ arguments: [String], in directory: TemporaryDirectory) async throws -> String
    {
        let output = directory.file("openssl-\(UUID()).out")
        let child = try ChildProcess(executablePath: path, arguments: arguments, outputPath: output)
        let status = await child.waitForExit(timeout: .seconds(20))
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == .exited(0) else {
            throw TestFailure("openssl \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }
}
