/// Where the package's log records go: a handler the caller provides.
///
/// The library never prints. Give a reconciler an `OpsLogger` to see what it does; records
/// carry metadata under the keys `mcops.namespace`, `mcops.database`, `mcops.request` and
/// `mcops.step`, and never hold keys or secret data. To forward to swift-log:
///
/// ```swift
/// let logger = OpsLogger(level: .debug) { record in
///     swiftLogLogger.log(level: .init(record.level), "\(record.message)",
///                        metadata: record.metadata.mapValues { .string($0) })
/// }
/// ```
public struct OpsLogger: Sendable {
    /// How important a record is.
    public enum Level: Int, Sendable, Comparable, CustomStringConvertible {
        /// Detail for finding problems: each observation and plan.
        case debug
        /// What happened: each step performed and its outcome.
        case info
        /// Something went wrong but the work goes on: a failed step that will be retried.
        case warning
        /// The work failed.
        case error

        /// Orders levels by importance.
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The level's name.
        public var description: String {
            switch self {
            case .debug: return "debug"
            case .info: return "info"
            case .warning: return "warning"
            case .error: return "error"
            }
        }
    }

    /// One log record.
    public struct Record: Sendable {
        /// How important it is.
        public var level: Level
        /// What happened.
        public var message: String
        /// Structured context, such as `mcops.step`.
        public var metadata: [String: String]
    }

    /// The least important level passed to the handler.
    public var level: Level
    private let handler: @Sendable (Record) -> Void

    /// Creates a logger that passes records at `level` or above to `handler`.
    public init(level: Level = .info, handler: @escaping @Sendable (Record) -> Void) {
        self.level = level
        self.handler = handler
    }

    /// A logger that drops everything.
    public static let disabled = OpsLogger(level: .error) { _ in }

    /// Logs a record when its level is at or above ``level``.
    public func log(
        _ level: Level, _ message: @autoclosure () -> String, _ metadata: [String: String] = [:]
    ) {
        guard level >= self.level else { return }
        handler(Record(level: level, message: message(), metadata: metadata))
    }
}
