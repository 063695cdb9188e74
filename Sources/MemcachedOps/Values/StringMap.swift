/// A map of strings to strings that keeps its keys in order, such as labels or annotations.
public struct StringMap: Sendable, Hashable {
    /// The pairs in order.
    public private(set) var pairs: [(key: String, value: String)]

    /// Creates an empty map.
    public init() { pairs = [] }

    /// Creates a map from pairs, in order; a repeated key keeps its last value.
    public init(_ pairs: [(String, String)]) {
        self.pairs = []
        for (key, value) in pairs { self[key] = value }
    }

    /// The number of keys.
    public var count: Int { pairs.count }

    /// Whether the map is empty.
    public var isEmpty: Bool { pairs.isEmpty }

    /// The keys in order.
    public var keys: [String] { pairs.map(\.key) }

    /// The value for `key`; setting `nil` removes it, setting a new key appends it.
    public subscript(key: String) -> String? {
        get {
            for pair in pairs where pair.key == key { return pair.value }
            return nil
        }
        set {
            if let position = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue {
                    pairs[position].value = newValue
                } else {
                    pairs.remove(at: position)
                }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }

    /// Creates a map from its JSON form, an object of strings.
    ///
    /// - Parameter sensitive: Whether values must not be quoted in errors.
    package init(json: JSONValue, path: FieldPath, sensitive: Bool) throws(ManifestError) {
        guard case .object(let object) = json else {
            throw .typeMismatch(
                expected: "an object of strings", found: json, at: path, sensitive: sensitive)
        }
        pairs = []
        pairs.reserveCapacity(object.count)
        for entry in object {
            guard case .string(let string) = entry.value else {
                throw .typeMismatch(
                    expected: "a string", found: entry.value, at: path.appending(entry.key),
                    sensitive: sensitive)
            }
            pairs.append((entry.key, string))
        }
    }

    /// The JSON form: an object of strings in order.
    public var json: JSONValue {
        var object = JSONObject()
        for pair in pairs { object.appendUnchecked(pair.key, .string(pair.value)) }
        return .object(object)
    }

    /// Two maps are equal when they hold the same pairs in the same order.
    public static func == (lhs: StringMap, rhs: StringMap) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.key == $1.key && $0.value == $1.value }
    }

    /// Hashes the pairs in order.
    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.key)
            hasher.combine(pair.value)
        }
    }
}

extension StringMap: ExpressibleByDictionaryLiteral {
    /// Creates a map with the keys in the literal's order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }
}

extension ObjectWriter {
    /// Writes a string map.
    package mutating func set(_ key: String, _ value: StringMap?) {
        set(key, value?.json)
    }
}
