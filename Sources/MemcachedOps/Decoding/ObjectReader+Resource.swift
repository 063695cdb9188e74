extension ObjectReader {
    /// Reads the `apiVersion`, `kind` and `metadata` every top-level object has.
    ///
    /// A missing `metadata` reads as empty metadata; admission reports a missing name.
    package mutating func resourceHeader() throws(ManifestError) -> (String, String, ObjectMeta) {
        let apiVersion = try required("apiVersion") { reader, key throws(ManifestError) in
            try reader.string(key)
        }
        let kind = try required("kind") { reader, key throws(ManifestError) in
            try reader.string(key)
        }
        let metadata = try model("metadata", as: ObjectMeta.self) ?? ObjectMeta()
        return (apiVersion, kind, metadata)
    }

    /// A map of strings whose values are secret: errors never quote them.
    package mutating func sensitiveStringMap(_ key: String) throws(ManifestError) -> StringMap? {
        guard let value = value(key) else { return nil }
        do {
            return try StringMap(json: value, path: .root, sensitive: true)
        } catch {
            throw error.nested(under: path.appending(key))
        }
    }
}

extension ObjectWriter {
    /// Writes `apiVersion`, `kind` and `metadata`.
    package mutating func setHeader(apiVersion: String, kind: String, metadata: ObjectMeta) {
        set("apiVersion", apiVersion)
        set("kind", kind)
        set("metadata", metadata)
    }
}
