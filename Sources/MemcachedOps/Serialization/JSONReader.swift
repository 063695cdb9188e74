/// Reads JSON text into ``JSONValue`` trees, fast and with precise errors.
///
/// The reader works on UTF-8 bytes without Foundation. It keeps object keys in document
/// order and numbers as their literal text, skips a UTF-8 byte-order mark, and reports
/// every problem as a ``ManifestError``:
///
/// - ``ManifestError/Code/syntax`` for malformed JSON, with a 1-based line and column and
///   a message such as `expected ',' or '}' after an object member, found 'x'`;
/// - ``ManifestError/Code/encoding`` for invalid UTF-8 or a NUL byte (the escape `\u0000`
///   inside a string is valid and allowed);
/// - ``ManifestError/Code/duplicateKey`` for an object with the same key twice, with the
///   key's field path;
/// - ``ManifestError/Code/limitExceeded`` for input past ``ReadingLimits/maxBytes`` or
///   nesting past ``ReadingLimits/maxDepth``.
///
/// Nesting is handled with an explicit stack, so deep input cannot overflow the thread's
/// stack.
public enum JSONReader {
    /// Reads a single JSON value.
    ///
    /// Whitespace may surround the value; anything else after it is an error.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text, such as `[UInt8]`, `Data` or `String.UTF8View`.
    ///   - limits: The bounds to enforce.
    /// - Returns: The value.
    /// - Throws: ``ManifestError`` describing the first problem found.
    public static func parse(
        _ bytes: some Collection<UInt8>, limits: ReadingLimits = .default
    ) throws(ManifestError) -> JSONValue {
        try withContiguousBytes(bytes) { buffer in
            Result { () throws(ManifestError) in try parseSingle(buffer, limits: limits) }
        }.get()
    }

    /// Reads a single JSON value from a string.
    ///
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - limits: The bounds to enforce.
    /// - Returns: The value.
    /// - Throws: ``ManifestError`` describing the first problem found.
    public static func parse(_ text: String, limits: ReadingLimits = .default)
        throws(ManifestError) -> JSONValue
    {
        try parse(text.utf8, limits: limits)
    }

    /// Reads a stream of JSON values written one after another, usually separated by
    /// whitespace or line breaks (as `kubectl get -o json` streams or JSON Lines).
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text.
    ///   - limits: The bounds to enforce.
    /// - Returns: The values in order; empty when the input holds only whitespace.
    /// - Throws: ``ManifestError``; its `documentIndex` is set for an error in any value
    ///   after the first, or in the first when more values are known to follow.
    public static func parseDocuments(
        _ bytes: some Collection<UInt8>, limits: ReadingLimits = .default
    ) throws(ManifestError) -> [JSONValue] {
        try documents(bytes, limits: limits).map(\.value)
    }

    /// Reads a stream of JSON values with the line each one starts on.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text.
    ///   - limits: The bounds to enforce.
    /// - Returns: The documents in order.
    /// - Throws: ``ManifestError``, as ``parseDocuments(_:limits:)`` does.
    public static func documents(
        _ bytes: some Collection<UInt8>, limits: ReadingLimits = .default
    ) throws(ManifestError) -> [ParsedDocument] {
        try withContiguousBytes(bytes) { buffer in
            Result { () throws(ManifestError) in try parseStream(buffer, limits: limits) }
        }.get()
    }

    // MARK: - Implementation

    private static func withContiguousBytes<Bytes: Collection<UInt8>, Output>(
        _ bytes: Bytes, _ body: (UnsafeBufferPointer<UInt8>) -> Output
    ) -> Output {
        if let output = bytes.withContiguousStorageIfAvailable(body) { return output }
        return Array(bytes).withUnsafeBufferPointer(body)
    }

    private static func parseSingle(_ buffer: UnsafeBufferPointer<UInt8>, limits: ReadingLimits)
        throws(ManifestError) -> JSONValue
    {
        if let error = limits.sizeError(byteCount: buffer.count) { throw error }
        var parser = JSONParser(bytes: buffer, limits: limits)
        let value = try parser.parseValue()
        if let duplicate = parser.duplicateKeyError { throw duplicate }
        parser.skipWhitespace()
        guard parser.position == buffer.count else {
            throw parser.unexpected("expected the end of input after the JSON value")
        }
        return value
    }

    private static func parseStream(_ buffer: UnsafeBufferPointer<UInt8>, limits: ReadingLimits)
        throws(ManifestError) -> [ParsedDocument]
    {
        if let error = limits.sizeError(byteCount: buffer.count) { throw error }
        var parser = JSONParser(bytes: buffer, limits: limits)
        let textStart = parser.textStart
        var locator = TextLocator(UnsafeBufferPointer(rebasing: buffer[textStart...]))
        var documents: [ParsedDocument] = []
        while true {
            parser.skipWhitespace()
            guard parser.position < buffer.count else { return documents }
            let index = documents.count
            let start = parser.position
            guard index < limits.maxDocuments else {
                throw limits.documentCountError(line: locator.line(of: start - textStart))
            }
            let value: JSONValue
            do {
                value = try parser.parseValue()
            } catch {
                throw error.located(file: nil, documentIndex: index > 0 ? index : nil)
            }
            if let duplicate = parser.duplicateKeyError {
                parser.skipWhitespace()
                let more = parser.position < buffer.count
                throw duplicate.located(file: nil, documentIndex: index > 0 || more ? index : nil)
            }
            let line = locator.line(of: start - textStart)
            documents.append(ParsedDocument(value: value, index: index, line: line))
        }
    }
}
