import Foundation

/// A peer program measured in the same run, such as Python with PyYAML.
enum Peer {
    /// Runs a peer script that prints `{"median": x, "min": y, "max": z}` and reads it.
    ///
    /// - Returns: The figures, or why they are missing (the peer is not installed).
    static func run(_ arguments: [String]) -> Result<Spread, PeerMissing> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failure(PeerMissing(reason: "\(arguments.first ?? "peer") did not start"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let median = object["median"] as? Double, let minimum = object["min"] as? Double,
            let maximum = object["max"] as? Double
        else {
            let reason =
                String(decoding: problem, as: UTF8.self)
                .split(separator: "\n").last.map(String.init) ?? "no output"
            return .failure(PeerMissing(reason: reason))
        }
        return .success(Spread(median: median, minimum: minimum, maximum: maximum))
    }
}

/// Why a peer's half of a benchmark is missing.
struct PeerMissing: Error {
    let reason: String
}
