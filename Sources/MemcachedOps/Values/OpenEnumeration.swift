/// A string enumeration of the Kubernetes API that keeps values it does not know.
///
/// A newer KubeDB may add phases or policies; reading them must not fail, and writing them
/// back must not change them. Each conforming type lists the values this package knows in
/// ``knownValues``; admission rules report the others.
public protocol OpenEnumeration: RawRepresentable, Sendable, Hashable,
    ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String {
    /// The values this package knows, in the order the API documents them.
    static var knownValues: [Self] { get }

    /// Creates a value from its text.
    init(rawValue: String)
}

extension OpenEnumeration {
    /// Creates a value from a string literal.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// Whether this is one of ``knownValues``.
    public var isKnown: Bool { Self.knownValues.contains(self) }

    /// The value's text.
    public var description: String { rawValue }

    /// The known values as a readable list: `"Halt", "Delete" or "WipeOut"`.
    package static var knownList: String {
        let quoted = knownValues.map { "\"\($0.rawValue)\"" }
        guard quoted.count > 1, let last = quoted.last else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + last
    }
}

extension ObjectReader {
    /// An open enumeration field, read from a string.
    package mutating func enumeration<Value: OpenEnumeration>(
        _ key: String, as type: Value.Type = Value.self
    ) throws(ManifestError) -> Value? {
        guard let string = try string(key, expected: "one of \(Value.knownList)") else {
            return nil
        }
        return Value(rawValue: string)
    }
}

extension ObjectWriter {
    /// Writes an open enumeration field.
    package mutating func set<Value: OpenEnumeration>(_ key: String, _ value: Value?) {
        set(key, value.map { JSONValue.string($0.rawValue) })
    }
}
