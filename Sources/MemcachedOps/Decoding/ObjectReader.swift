/// Reads the fields of one JSON object into a model, reporting problems with their paths.
///
/// A model's `init(json:path:)` creates a reader, asks for each field it names with the
/// typed accessors, then calls ``preserved()`` to keep everything else.
///
/// Reading is built for the common case, a valid document:
///
/// - The reader notes which entries were asked for in a bit set, not a list of keys.
/// - Keys are found by a linear search that starts after the last key found (models usually
///   ask in an order close to the document's) and skips keys of other lengths; a key whose
///   length no entry has is known to be absent without looking at any entry.
/// - Nested models are read relative to their own root, with ``FieldPath/root`` as their
///   path, and an error coming out of one is placed under this reader's path and the key
///   (and index) on the way out, so no path is built unless something is wrong.
package struct ObjectReader {
    /// The object being read.
    package let object: JSONObject
    /// Where the object sits in its document.
    package let path: FieldPath
    /// Whether values under this object must not be quoted in errors.
    package let sensitive: Bool
    /// The entries asked for among the first 64: bit `i` stands for entry `i`.
    private var askedLow: UInt64 = 0
    /// The entries asked for from the 65th on, for the rare larger object.
    private var askedHigh: [Int] = []
    /// Bit `n % 64` is set when some key is `n` UTF-8 bytes long.
    private let keyLengths: UInt64
    /// Where the next search starts: just after the entry found last.
    private var cursor = 0

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
        var keyLengths: UInt64 = 0
        for index in object.entries.indices {
            keyLengths |= 1 &<< UInt64(object.entries[index].key.utf8.count & 63)
        }
        self.keyLengths = keyLengths
    }

    /// The raw value of a named field; `nil` when absent or `null`.
    package mutating func value(_ key: String) -> JSONValue? {
        guard let index = find(key) else { return nil }
        let value = object.entries[index].value
        if case .null = value { return nil }
        return value
    }

    /// The position of a named field, noting that it was asked for; `nil` when absent.
    ///
    /// The typed accessors look at the value in place, which saves copying it.
    private mutating func find(_ key: String) -> Int? {
        guard let index = index(of: key) else { return nil }
        if index < 64 {
            askedLow |= 1 &<< UInt64(index)
        } else {
            askedHigh.append(index)
        }
        return index
    }

    /// The position of `key` in the object, searching from ``cursor`` round to it.
    private mutating func index(of key: String) -> Int? {
        let length = key.utf8.count
        guard keyLengths & (1 &<< UInt64(length & 63)) != 0 else { return nil }
        let start = cursor
        let found: Int? = object.entries.withUnsafeBufferPointer { entries in
            let count = entries.count
            var index = start < count ? start : 0
            for _ in 0..<count {
                if entries[index].key.utf8.count == length && entries[index].key == key {
                    return index
                }
                index += 1
                if index == count { index = 0 }
            }
            return nil
        }
        if let found { cursor = found + 1 }
        return found
    }

    /// Whether the entry at `index` was asked for.
    private func wasAsked(_ index: Int) -> Bool {
        index < 64 ? askedLow & (1 &<< UInt64(index)) != 0 : askedHigh.contains(index)
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
        try string(key, expected: "a string")
    }

    /// A field read from a string, such as a time or an enumeration: `expected` describes
    /// what belongs there when the value is not a string.
    package mutating func string(_ key: String, expected: @autoclosure () -> String)
        throws(ManifestError) -> String?
    {
        guard let index = find(key) else { return nil }
        switch object.entries[index].value {
        case .string(let string): return string
        case .null: return nil
        case let value: throw mismatch(expected(), value, key)
        }
    }

    /// A Boolean field.
    package mutating func bool(_ key: String) throws(ManifestError) -> Bool? {
        guard let index = find(key) else { return nil }
        switch object.entries[index].value {
        case .bool(let bool): return bool
        case .null: return nil
        case let value: throw mismatch("a boolean", value, key)
        }
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
        guard let index = find(key) else { return nil }
        let value = object.entries[index].value
        guard case .number(let number) = value else {
            if case .null = value { return nil }
            throw mismatch("an integer", value, key)
        }
        if let integer = number.shortIntegerValue { return integer }
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
        for index in array.indices {
            guard case .string(let string) = array[index] else {
                throw ManifestError.typeMismatch(
                    expected: "a string", found: array[index],
                    at: path.appending(key).appending(index: index), sensitive: sensitive)
            }
            strings.append(string)
        }
        return strings
    }

    /// A map of strings to strings, such as labels.
    package mutating func stringMap(_ key: String) throws(ManifestError) -> StringMap? {
        guard let value = value(key) else { return nil }
        do {
            return try StringMap(json: value, path: .root, sensitive: sensitive)
        } catch {
            throw error.nested(under: path.appending(key))
        }
    }

    /// A nested model.
    ///
    /// The model reads with ``FieldPath/root`` as its path; its errors are placed under
    /// this reader's path and `key` here.
    package mutating func model<Model: JSONRepresentable>(
        _ key: String, as type: Model.Type = Model.self
    ) throws(ManifestError) -> Model? {
        guard let value = value(key) else { return nil }
        do {
            return try Model(json: value, path: .root)
        } catch {
            throw error.nested(under: path.appending(key))
        }
    }

    /// A list of nested models.
    ///
    /// Each model reads with ``FieldPath/root`` as its path; its errors are placed under
    /// this reader's path, `key` and the model's index here.
    package mutating func models<Model: JSONRepresentable>(
        _ key: String, as type: Model.Type = Model.self
    ) throws(ManifestError) -> [Model]? {
        guard let value = value(key) else { return nil }
        guard case .array(let array) = value else {
            throw mismatch("an array", value, key)
        }
        var models: [Model] = []
        models.reserveCapacity(array.count)
        for index in array.indices {
            do {
                models.append(try Model(json: array[index], path: .root))
            } catch {
                throw error.nested(under: path.appending(key).appending(index: index))
            }
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
        let entries = object.entries
        var unknown: [JSONObject.Entry] = []
        var nullKeys: [String] = []
        let everyEntryAsked =
            entries.count <= 64
            && askedLow == (entries.count == 64 ? ~0 : (1 &<< entries.count) - 1)
        for index in entries.indices {
            if everyEntryAsked || wasAsked(index) {
                if case .null = entries[index].value { nullKeys.append(entries[index].key) }
            } else {
                unknown.append(entries[index])
            }
        }
        return PreservedFields(
            fields: JSONObject(uncheckedEntries: unknown), keyOrderOf: object, nullKeys: nullKeys)
    }

    /// A type mismatch for a named field.
    package func mismatch(_ expected: String, _ value: JSONValue, _ key: String) -> ManifestError {
        .typeMismatch(
            expected: expected, found: value, at: path.appending(key), sensitive: sensitive)
    }
}
