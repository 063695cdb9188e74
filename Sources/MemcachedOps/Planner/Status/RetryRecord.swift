/// The failures of one step so far, as the request's `Retrying` condition records them.
///
/// The condition's message has the form
/// `retrying failed step; Step:<condition type>; Attempt:<failures>; Error:<message>`,
/// in the style of KubeDB's `key; Field:value` messages, so that the count survives in the
/// request's status and a restarted reconciler resumes it.
struct RetryRecord: Sendable, Hashable {
    /// The condition type of the step that failed.
    var step: String
    /// How many times it has failed in a row.
    var failures: Int
    /// The last failure's message.
    var lastError: String?

    /// The `Retrying` condition's message for this record.
    var message: String {
        "retrying failed step; Step:\(step); Attempt:\(failures)"
            + (lastError.map { "; Error:\($0)" } ?? "")
    }

    /// Reads a record from a `Retrying` condition's message.
    ///
    /// - Returns: `nil` when the message does not name a step and a count.
    init?(message: String) {
        guard let step = Self.field("Step:", in: message),
            let count = Self.field("Attempt:", in: message).flatMap({ Int($0) })
        else { return nil }
        self.step = String(step)
        self.failures = count
        lastError = Self.after("; Error:", in: message).map(String.init)
    }

    /// Creates a record.
    init(step: String, failures: Int, lastError: String?) {
        self.step = step
        self.failures = failures
        self.lastError = lastError
    }

    private static func field(_ key: String, in message: String) -> Substring? {
        guard let rest = after(key, in: message) else { return nil }
        var end = rest.startIndex
        while end < rest.endIndex, rest[end] != ";" { end = rest.index(after: end) }
        return rest[..<end]
    }

    /// The text after the first occurrence of `marker`.
    private static func after(_ marker: String, in message: String) -> Substring? {
        var start = message.startIndex
        while start < message.endIndex {
            if message[start...].hasPrefix(marker) {
                return message[message.index(start, offsetBy: marker.count)...]
            }
            start = message.index(after: start)
        }
        return nil
    }
}
