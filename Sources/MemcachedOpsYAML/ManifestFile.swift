import MemcachedOps

/// Reads typed manifests from YAML or JSON files and bytes holding one or more documents.
///
/// The format is recognised from the content: text starting with `{` or `[` is JSON, all
/// else YAML. Each document becomes a ``Manifest`` chosen by its `apiVersion` and `kind`;
/// a `List` (as `kubectl get -o yaml` prints) contributes each of its items.
///
/// ```swift
/// for manifest in try ManifestFile.read(atPath: "mc-add-tls.yaml") {
///     if case .opsRequest(let request) = manifest {
///         print(Admission.validate(request))
///     }
/// }
/// ```
public enum ManifestFile {
    /// One document of a file: where it is, and what reading it gave.
    public struct Entry: Sendable {
        /// The document's position in the stream, from zero.
        public var index: Int
        /// The line the document starts on, from one.
        public var line: Int
        /// The typed object, or why it could not be read.
        public var result: Result<Manifest, ManifestError>
    }

    /// Reads every document of a file, stopping at the first problem.
    ///
    /// - Parameters:
    ///   - path: The file's path; errors name it.
    ///   - limits: Bounds on size, depth and alias expansion.
    /// - Returns: The objects in document order.
    /// - Throws: ``ManifestError`` naming the file, and the line or field path.
    public static func read(atPath path: String, limits: ReadingLimits = .default)
        throws(ManifestError) -> [Manifest]
    {
        let documents = try DocumentReader.readFile(atPath: path, limits: limits)
        return try manifests(documents, file: path)
    }

    /// Reads every document of some bytes, stopping at the first problem.
    ///
    /// - Parameters:
    ///   - bytes: YAML or JSON text.
    ///   - file: A name for the source, used in errors.
    ///   - limits: Bounds on size, depth and alias expansion.
    /// - Returns: The objects in document order.
    /// - Throws: ``ManifestError`` naming the source, and the line or field path.
    public static func read(
        _ bytes: [UInt8], file: String? = nil, limits: ReadingLimits = .default
    ) throws(ManifestError) -> [Manifest] {
        let documents: [ParsedDocument]
        do {
            documents = try DocumentReader.read(bytes, limits: limits)
        } catch {
            throw error.located(file: file, documentIndex: nil)
        }
        return try manifests(documents, file: file)
    }

    /// The manifests of `documents`, stopping at the first problem: what `entries` gives,
    /// without keeping an entry and a result for each.
    private static func manifests(_ documents: [ParsedDocument], file: String?)
        throws(ManifestError) -> [Manifest]
    {
        var manifests: [Manifest] = []
        manifests.reserveCapacity(documents.count)
        let many = documents.count > 1
        for document in documents {
            let index = many ? document.index : nil
            do {
                if let items = listItems(document.value) {
                    let itemsPath = FieldPath.root.appending("items")
                    for (position, item) in items.enumerated() {
                        let path = itemsPath.appending(index: position)
                        manifests.append(try Manifest(json: item, path: path))
                    }
                } else {
                    manifests.append(try Manifest(json: document.value, path: .root))
                }
            } catch {
                throw error.located(file: file, documentIndex: index)
            }
        }
        return manifests
    }

    /// Reads every document of a file, keeping going past documents that fail to decode.
    ///
    /// A syntax error still stops the whole file, since nothing after it can be trusted.
    ///
    /// - Parameters:
    ///   - path: The file's path; errors name it.
    ///   - limits: Bounds on size, depth and alias expansion.
    /// - Returns: One entry per object, each typed or with its error.
    /// - Throws: ``ManifestError`` when the file cannot be read or parsed.
    public static func readEach(atPath path: String, limits: ReadingLimits = .default)
        throws(ManifestError) -> [Entry]
    {
        let documents = try DocumentReader.readFile(atPath: path, limits: limits)
        return entries(documents, file: path)
    }

    private static func entries(_ documents: [ParsedDocument], file: String?) -> [Entry] {
        var entries: [Entry] = []
        let many = documents.count > 1
        for document in documents {
            let index = many ? document.index : nil
            for (path, value) in expandingLists(document.value) {
                let result: Result<Manifest, ManifestError>
                do {
                    result = .success(try Manifest(json: value, path: path))
                } catch {
                    result = .failure(error.located(file: file, documentIndex: index))
                }
                entries.append(Entry(index: document.index, line: document.line, result: result))
            }
        }
        return entries
    }

    /// A `v1` `List` stands for its items; anything else for itself.
    private static func expandingLists(_ value: JSONValue) -> [(FieldPath, JSONValue)] {
        guard let items = listItems(value) else { return [(.root, value)] }
        return items.enumerated().map {
            (FieldPath.root.appending("items").appending(index: $0), $1)
        }
    }

    /// The items of a `v1` `List`, or `nil` when `value` is not one.
    private static func listItems(_ value: JSONValue) -> [JSONValue]? {
        guard case .object(let object) = value, object["kind"] == "List",
            object["apiVersion"] == "v1", case .array(let items)? = object["items"]
        else { return nil }
        return items
    }
}
