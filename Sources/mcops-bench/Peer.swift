import Foundation

/// A peer program measured in the same run, such as Python with PyYAML.
enum Peer {
    /// Runs a peer script that prints `{"median": x, "min": y, "max": z}` and reads it.
    ///
    /// - Returns: The figures, or why they are missing (the peer is not installed).
    static func run(_ arguments: [String]) -> Result<Spread, PeerMissing> {
        output(of: arguments).flatMap { object in
            guard let spread = spread(object) else {
                return .failure(PeerMissing(reason: "no median, min and max in its output"))
            }
            return .success(spread)
        }
    }

    /// Runs a peer script that prints several named figures, each
    /// `{"median": x, "min": y, "max": z}`, such as `{"p50": {...}, "p99": {...}}`.
    ///
    /// - Parameters:
    ///   - arguments: The program and its arguments.
    ///   - names: The figures to read.
    /// - Returns: Each figure, or why it is missing.
    static func run(_ arguments: [String], figures names: [String])
        -> [String: Result<Spread, PeerMissing>]
    {
        let printed = output(of: arguments)
        var figures: [String: Result<Spread, PeerMissing>] = [:]
        for name in names {
            figures[name] = printed.flatMap { object in
                guard let nested = object[name] as? [String: Any], let spread = spread(nested)
                else {
                    return .failure(PeerMissing(reason: "no figure \(name) in its output"))
                }
                return .success(spread)
            }
        }
        return figures
    }

    /// Runs the program and reads the JSON object it prints.
    private static func output(of arguments: [String]) -> Result<[String: Any], PeerMissing> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let standardOutput = Pipe()
        let errors = Pipe()
        process.standardOutput = standardOutput
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failure(PeerMissing(reason: "\(arguments.first ?? "peer") did not start"))
        }
        // Reads standard error on another thread, so that a peer filling that pipe cannot
        // block while this one waits for its output.
        let problem = ErrorOutput()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            problem.data = errors.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let data = standardOutput.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            let text = String(decoding: problem.data, as: UTF8.self)
            let reason = text.split(separator: "\n").last.map(String.init) ?? "no output"
            return .failure(PeerMissing(reason: reason))
        }
        return .success(object)
    }

    private static func spread(_ object: [String: Any]) -> Spread? {
        guard let median = object["median"] as? Double, let minimum = object["min"] as? Double,
            let maximum = object["max"] as? Double
        else { return nil }
        return Spread(median: median, minimum: minimum, maximum: maximum)
    }
}

/// A peer's standard error, read on another thread.
///
/// `@unchecked Sendable` is safe because `data` is written once, before the semaphore that
/// the reader waits on is signalled, and read only after that wait.
private final class ErrorOutput: @unchecked Sendable {
    var data = Data()
}

/// Why a peer's half of a benchmark is missing.
struct PeerMissing: Error, Sendable {
    let reason: String
}
