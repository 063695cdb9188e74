/// One document read from a JSON or YAML stream, with where it came from.
///
/// Streams may hold several documents (YAML separates them with `---`, JSON streams put
/// values one after another); the readers return one `ParsedDocument` per non-empty
/// document, in order.
public struct ParsedDocument: Sendable, Hashable {
    /// The document's content.
    public var value: JSONValue

    /// The position of the document in its stream among the non-empty documents, from zero.
    public var index: Int

    /// The line the document starts on, from one: its `---` marker or its first token.
    public var line: Int

    /// Creates a document.
    ///
    /// - Parameters:
    ///   - value: The document's content.
    ///   - index: The position of the document in its stream, from zero.
    ///   - line: The line the document starts on, from one.
    public init(value: JSONValue, index: Int, line: Int) {
        self.value = value
        self.index = index
        self.line = line
    }
}
