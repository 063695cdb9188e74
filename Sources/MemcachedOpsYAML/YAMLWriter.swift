import MemcachedOps

/// Writes ``JSONValue`` documents as readable block-style YAML, as `kubectl` writes it.
///
/// The output follows go-yaml v2, which `kubectl` uses: two-space indentation, keys in the
/// document's order, sequences under a key written at the key's indentation
/// (`- name: x`), `{}` and `[]` for empty collections, and numbers as their text.
///
/// Strings are quoted only when they must be. A string that would read back as something
/// else (`"1.6"`, `"true"`, `"yes"`, `"null"`, `""`, `"0755"`, a timestamp) is
/// double-quoted; one that cannot be written plain (it starts with an indicator such as
/// `-` or `*`, has a leading or trailing space, or holds `: ` or ` #`) is single-quoted;
/// one with control characters is double-quoted with escapes. Multi-line strings are
/// literal blocks (`|`, `|-`, `|+`) when that keeps them exact, and double-quoted
/// otherwise. Reading the output with ``YAMLReader`` gives back equal values, key order
/// included.
public enum YAMLWriter {
    /// Writes one document.
    ///
    /// - Parameter value: The document's content.
    /// - Returns: The YAML text, ending with a line break.
    public static func string(_ value: JSONValue) -> String {
        String(decoding: bytes([value]), as: UTF8.self)
    }

    /// Writes a multi-document stream, with `---` between the documents.
    ///
    /// An array literal argument is taken as a list of documents:
    /// `YAMLWriter.string([first, second])` writes two documents. To write one document
    /// that is an array, pass a ``JSONValue``: `YAMLWriter.string(.array(items))`.
    ///
    /// - Parameter documents: The documents' contents, in order.
    /// - Returns: The YAML text; empty when there are no documents.
    public static func string(_ documents: [JSONValue]) -> String {
        String(decoding: bytes(documents), as: UTF8.self)
    }

    /// Writes a multi-document stream as UTF-8 bytes, with `---` between the documents.
    ///
    /// - Parameter documents: The documents' contents, in order.
    /// - Returns: The YAML text's bytes.
    public static func bytes(_ documents: [JSONValue]) -> [UInt8] {
        var emitter = YAMLEmitter()
        for (index, document) in documents.enumerated() {
            if index > 0 { emitter.output.append(contentsOf: "---\n".utf8) }
            emitter.writeDocument(document)
        }
        return emitter.output
    }
}
