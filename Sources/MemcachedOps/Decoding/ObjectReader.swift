/// Reads the fields of one JSON object into a model, reporting problems with their paths.
///
/// A model's `init(json:path:)` creates a reader, asks for each field it names with the
/// typed accessors, then calls ``preserved()`` to keep everything else.
package struct ObjectReader {
    /// The object being read.
    package let object: JSONObject
    /// Where the object sits in its document.
    package let path: FieldPath
    /// Whether values under this object must not be quoted in errors.
    package let sensitive: Bool
    private var named: [String] = []

    /// Starts reading `json`, which must be an object.
    ///
    /// - Throws: A type mismatch when `json` is not an object.
    package init(_ json: JSONValue, path: FieldPath, sensitive: Bool = false)
        throws(ManifestError)
    {
        guard case .object(let object) = json else {
            throw .typeMismatch(expected: "an object", found: json, at: path, sensitive: sensitive)
        }
        self.object = object
        self.path = path
        self.sensitive = sensitive
    }

    /// The raw value of a named field; `nil` when absent or `null`.
    package mutating func value(_ key: String) -> JSONValue? {
        named.append(key)
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    /// A required field: absent or `null` is an error.
    package mutating func required<T>(
        _ key: String,
        _ read: (inout ObjectReader, String) throws(ManifestError) -> T?
    ) throws(ManifestError) -> T {
        guard let value = try read(&self, key) else {
            throw ManifestError(
                .missingField, path: path.appending(key), message: "required field is missing")
        }
        return value
    }

    /// A string field.
    package mutating func string(_ key: String) throws(ManifestError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let string) = value else {
            throw mismatch("a string", value, key)
        }
        return string
    }

    /// A Boolean field.
    package mutating func bool(_ key: String) throws(ManifestError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let bool) = value else {
            throw mismatch("a boolean", value, key)
        }
        return bool
    }

    /// A 32-bit integer field.
    package mutating func int32(_ key: String) throws(ManifestError) -> Int32? {
        guard let wide = try integer(key, bits: "32-bit") else { return nil }
        guard let narrow = Int32(exactly: wide) else {
            throw ManifestError(
                .outOfRange, path: path.appending(key),
                message: "\(wide) does not fit in a 32-bit integer")
        }
        return narrow
    }

    /// A 64-bit integer field.
    package mutating func int64(_ key: String) throws(ManifestError) -> Int64? {
        try integer(key, bits: "64-bit")
    }

    private mutating func integer(_ key: String, bits: String) throws(ManifestError) -> Int64? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value else {
            throw mismatch("an integer", value, key)
        }
        guard number.isInteger else {
            throw mismatch("an integer", value, key)
        }
        guard let integer = number.int64Value else {
            throw ManifestError(
                .outOfRange, path: path.appending(key),
                message: "\(ManifestError.describe(value)) does not fit in a \(bits) integer")
        }
        return integer
    }

    /// A list of strings.
    package mutating func strings(_ key: String) throws(ManifestError) -> [String]? {
        guard let value = value(key) else { return nil }
        guard case .array(let array) = value else {
            throw mismatch("an array of strings", value, key)
        }
        var strings: [String] = []
        strings.reserveCapacity(array.count)
        for (index, element) in array.enumerated() {
            guard case .string(let string) = element else {
                throw ManifestError.typeMismatch(
                    expected: "a string", found: element,
                    at: path.appending(key).appending(index: index), sensitive: sensitive)
            }
            strings.append(string)
        }
        return strings
    }

    /// A map of strings to strings, such as labels.
    package mutating func stringMap(_ key: String) throws(ManifestError) -> StringMap? {
        guard let value = value(key) else { return nil }
        return try StringMap(json: value, path: path.appending(key), sensitive: sensitive)
    }

    /// A nested model.
    package mutating func model<Model: JSONRepresentable>(
        _ key: String, as type: Model.Type = Model.self
    ) throws(ManifestError) -> Model? {
        guard let value = value(key) else { return nil }
        return try Model(json: value, path: path.appending(key))
    }

    /// A list of nested models.
    package mutating func models<Model: JSONRepresentable>(
        _ key: String, as type: Model.Type = Model.self
    ) throws(ManifestError) -> [Model]? {
        guard let value = value(key) else { return nil }
        guard case .array(let array) = value else {
            throw mismatch("an array", value, key)
        }
        var models: [Model] = []
        models.reserveCapacity(array.count)
        let listPath = path.appending(key)
        for (index, element) in array.enumerated() {
            models.append(try Model(json: element, path: listPath.appending(index: index)))
        }
        return models
    }

    /// A value kept as raw JSON, such as a pod template.
    package mutating func raw(_ key: String) -> JSONValue? {
        value(key)
    }

    /// A raw object, such as `spec.restart: {}`.
    package mutating func rawObject(_ key: String) throws(ManifestError) -> JSONObject? {
        guard let value = value(key) else { return nil }
        guard case .object(let object) = value else {
            throw mismatch("an object", value, key)
        }
        return object
    }

    /// The fields this reader was not asked for, and the key order, for writing back.
    package func preserved() -> PreservedFields {
        var unknown = JSONObject()
        var nullKeys: [String] = []
        for entry in object {
            if named.contains(entry.key) {
                if entry.value.isNull { nullKeys.append(entry.key) }
            } else {
                unknown.appendUnchecked(entry.key, entry.value)
            }
        }
        return PreservedFields(fields: unknown, keyOrder: object.keys, nullKeys: nullKeys)
    }

    /// A type mismatch for a named field.
    package func mismatch(_ expected: String, _ value: JSONValue, _ key: String) -> ManifestError {
        .typeMismatch(
            expected: expected, found: value, at: path.appending(key), sensitive: sensitive)
    }
}
