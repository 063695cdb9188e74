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
        var result = JSONObject()
        var written = Set<String>()
        func write(_ key: String, _ value: JSONValue) {
            if written.insert(key).inserted { result.appendUnchecked(key, value) }
        }
        func namedValue(_ key: String) -> JSONValue?? {
            for field in named where field.key == key { return .some(field.value) }
            return .none
        }

        for key in preserved.keyOrder {
            if let field = namedValue(key) {
                if let value = field {
                    write(key, value)
                } else if preserved.nullKeys.contains(key) {
                    write(key, .null)
                }
            } else if let value = preserved.fields[key] {
                write(key, value)
            }
        }
        for field in named {
            if let value = field.value { write(field.key, value) }
        }
        for entry in preserved.fields where namedValue(entry.key) == nil {
            write(entry.key, entry.value)
        }
        return .object(result)
    }
}
