/// A JSON object whose keys keep the order they were written or inserted in.
///
/// Setting an existing key replaces its value in place; setting a new key appends it;
/// setting `nil` removes it. Two objects are equal when they hold the same keys with the
/// same values in the same order.
public struct JSONObject: Sendable, Hashable {
    /// One key and its value.
    public struct Entry: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: JSONValue

        /// Creates an entry.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The entries in order.
    public private(set) var entries: [Entry]

    /// Creates an empty object.
    public init() {
        entries = []
    }

    /// Creates an object from entries, keeping their order.
    ///
    /// A key that appears twice keeps its first position and its last value.
    public init(_ entries: [Entry]) {
        self.entries = []
        self.entries.reserveCapacity(entries.count)
        for entry in entries { self[entry.key] = entry.value }
    }

    /// The number of keys.
    public var count: Int { entries.count }

    /// Whether the object has no keys.
    public var isEmpty: Bool { entries.isEmpty }

    /// The keys in order.
    public var keys: [String] { entries.map(\.key) }

    /// The position of `key`, or `nil` when it is absent.
    public func index(of key: String) -> Int? {
        // Keys of another length are skipped without comparing them.
        let length = key.utf8.count
        for index in entries.indices
        where entries[index].key.utf8.count == length && entries[index].key == key {
            return index
        }
        return nil
    }

    /// The value for `key`: reading gives `nil` when absent, writing `nil` removes the key.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let index = index(of: key) else { return nil }
            return entries[index].value
        }
        set {
            if let position = index(of: key) {
                if let newValue {
                    entries[position].value = newValue
                } else {
                    entries.remove(at: position)
                }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    /// Creates an object from entries whose keys are known to be distinct, without
    /// searching for duplicates.
    ///
    /// Readers use this after they have checked for duplicates themselves.
    package init(uncheckedEntries entries: [Entry]) {
        self.entries = entries
    }

    /// Appends a key known not to be present yet, without searching for it.
    ///
    /// Readers use this after they have checked for duplicates themselves.
    package mutating func appendUnchecked(_ key: String, _ value: JSONValue) {
        entries.append(Entry(key: key, value: value))
    }
}

extension JSONObject: Sequence {
    /// Iterates over the entries in order.
    public func makeIterator() -> IndexingIterator<[Entry]> {
        entries.makeIterator()
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// Creates an object with the keys in the literal's order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Entry(key: $0.0, value: $0.1) })
    }
}
