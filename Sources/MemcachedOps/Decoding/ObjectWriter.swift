/// Writes a model's fields into a JSON object in the original document's key order.
///
/// Fields the original document had keep their places; fields it did not have follow in the
/// order the model writes them; preserved unnamed fields stay where they were.
package struct ObjectWriter {
    private var named: [(key: String, value: JSONValue?)] = []

    package init() {}

    /// Writes a field; `nil` leaves it out.
    package mutating func set(_ key: String, _ value: JSONValue?) {
        named.append((key, value))
    }

    /// Writes a string field.
    package mutating func set(_ key: String, _ value: String?) {
        named.append((key, value.map(JSONValue.string)))
    }

    /// Writes a Boolean field.
    package mutating func set(_ key: String, _ value: Bool?) {
        named.append((key, value.map(JSONValue.bool)))
    }

    /// Writes an integer field.
    package mutating func set<Integer: BinaryInteger>(_ key: String, _ value: Integer?) {
        named.append((key, value.map { .number(JSONNumber($0)) }))
    }

    /// Writes a list of strings.
    package mutating func set(_ key: String, _ value: [String]?) {
        named.append((key, value.map { .array($0.map(JSONValue.string)) }))
    }

    /// Writes a nested model.
    package mutating func set<Model: JSONRepresentable>(_ key: String, _ value: Model?) {
        named.append((key, value?.json))
    }

    /// Writes a list of nested models.
    package mutating func set<Model: JSONRepresentable>(_ key: String, _ value: [Model]?) {
        named.append((key, value.map { .array($0.map(\.json)) }))
    }

    /// Writes a raw object.
    package mutating func set(_ key: String, _ value: JSONObject?) {
        named.append((key, value.map(JSONValue.object)))
    }

    /// Finishes the object, merging in what `preserved` kept.
    package func finish(_ preserved: PreservedFields) -> JSONValue {
        var written = WrittenEntries(capacity: named.count + preserved.fields.count)
        preserved.forEachKeyInOrder { key in
            if let position = namedPosition(key) {
                if let value = named[position].value {
                    written.append(key, value)
                } else if preserved.nullKeys.contains(key) {
                    written.append(key, .null)
                }
            } else if let value = preserved.fields[key] {
                written.append(key, value)
            }
        }
        for field in named {
            if let value = field.value { written.append(field.key, value) }
        }
        for entry in preserved.fields where namedPosition(entry.key) == nil {
            written.append(entry.key, entry.value)
        }
        return .object(JSONObject(uncheckedEntries: written.entries))
    }

    /// Where `key` is among the named fields, or `nil` when the model did not write it.
    private func namedPosition(_ key: String) -> Int? {
        let length = key.utf8.count
        for position in named.indices
        where named[position].key.utf8.count == length && named[position].key == key {
            return position
        }
        return nil
    }
}

/// The entries of an object being written, each key once: the first write of a key wins.
///
/// Models write a handful of keys, so a key is looked for among the entries one by one,
/// skipping those of other lengths; past ``linearSearchLimit`` entries, in a set.
private struct WrittenEntries {
    private static let linearSearchLimit = 16

    private(set) var entries: [JSONObject.Entry] = []
    /// The keys, once there are more than ``linearSearchLimit`` entries.
    private var keys: Set<String>?

    init(capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    /// Appends an entry unless its key was written already.
    mutating func append(_ key: String, _ value: JSONValue) {
        guard !contains(key) else { return }
        entries.append(JSONObject.Entry(key: key, value: value))
        if keys != nil {
            keys?.insert(key)
        } else if entries.count > Self.linearSearchLimit {
            keys = Set(entries.map(\.key))
        }
    }

    private func contains(_ key: String) -> Bool {
        if let keys { return keys.contains(key) }
        let length = key.utf8.count
        for index in entries.indices
        where entries[index].key.utf8.count == length && entries[index].key == key {
            return true
        }
        return false
    }
}
