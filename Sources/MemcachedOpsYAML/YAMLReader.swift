import CYAML
import MemcachedOps

/// A document read from a YAML stream: its value, its position and the line it starts on.
public typealias YAMLDocument = ParsedDocument

/// Reads YAML streams into ``JSONValue`` documents the way Kubernetes reads them.
///
/// The reader uses libyaml's event parser and resolves plain scalars with the YAML 1.1
/// rules of go-yaml v2, which `kubectl` and the API server use through `sigs.k8s.io/yaml`:
/// `yes`, `on` and `y` are Booleans, `0755` is octal, `1.6` is a number while `1.6.40` is a
/// string, and quoted or block scalars are always strings. It supports multi-document
/// streams (empty documents are skipped, as `kubectl` skips them), comments, block
/// scalars, flow style, anchors and aliases, merge keys (`<<`), a byte-order mark, and the
/// tags `!!str`, `!!int`, `!!float`, `!!bool` and `!!null`.
///
/// Problems come back as a ``ManifestError``:
///
/// - ``ManifestError/Code/syntax`` with libyaml's explanation and a 1-based line and column;
/// - ``ManifestError/Code/encoding`` for invalid UTF-8, a NUL byte or another control
///   character YAML does not allow;
/// - ``ManifestError/Code/duplicateKey`` for a mapping with the same key twice;
/// - ``ManifestError/Code/invalidValue`` for `.inf` and `.nan`, which JSON cannot hold, for
///   a collection used as a mapping key, and for a value its tag does not fit;
/// - ``ManifestError/Code/limitExceeded`` when the input passes a ``ReadingLimits`` bound,
///   including "too many alias expansions (possible alias bomb)".
///
/// `documentIndex` is set on errors in the second and later documents, and in the first
/// when the stream holds more documents.
public enum YAMLReader {
    /// Reads every non-empty document of a YAML stream.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text, such as `[UInt8]`, `Data` or `String.UTF8View`.
    ///   - limits: The bounds to enforce.
    /// - Returns: The documents in order; empty when the stream holds none.
    /// - Throws: ``ManifestError`` describing the first problem found.
    public static func documents(
        _ bytes: some Collection<UInt8>, limits: ReadingLimits = .default
    ) throws(ManifestError) -> [YAMLDocument] {
        let result: Result<[YAMLDocument], ManifestError>
        if let output = bytes.withContiguousStorageIfAvailable({ read($0, limits: limits) }) {
            result = output
        } else {
            result = Array(bytes).withUnsafeBufferPointer { read($0, limits: limits) }
        }
        return try result.get()
    }

    /// Reads every non-empty document of a YAML string.
    ///
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - limits: The bounds to enforce.
    /// - Returns: The documents in order.
    /// - Throws: ``ManifestError`` describing the first problem found.
    public static func documents(_ text: String, limits: ReadingLimits = .default)
        throws(ManifestError) -> [YAMLDocument]
    {
        try documents(text.utf8, limits: limits)
    }

    /// Reads a stream that must hold exactly one document and returns its value.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text.
    ///   - limits: The bounds to enforce.
    /// - Returns: The document's value.
    /// - Throws: ``ManifestError``; ``ManifestError/Code/invalidValue`` when the stream holds
    ///   no document or more than one.
    public static func value(_ bytes: some Collection<UInt8>, limits: ReadingLimits = .default)
        throws(ManifestError) -> JSONValue
    {
        let documents = try documents(bytes, limits: limits)
        guard documents.count == 1 else {
            let count = documents.isEmpty ? "no document" : "\(documents.count) documents"
            let line = documents.count > 1 ? documents[1].line : nil
            throw ManifestError(
                .invalidValue, message: "expected exactly one YAML document, found \(count)",
                line: line)
        }
        return documents[0].value
    }

    // MARK: - Implementation

    private static func read(_ input: UnsafeBufferPointer<UInt8>, limits: ReadingLimits)
        -> Result<[YAMLDocument], ManifestError>
    {
        Result { () throws(ManifestError) in try readThrowing(input, limits: limits) }
    }

    private static func readThrowing(_ input: UnsafeBufferPointer<UInt8>, limits: ReadingLimits)
        throws(ManifestError) -> [YAMLDocument]
    {
        if let error = limits.sizeError(byteCount: input.count) { throw error }
        let hasBOM = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
        let text = UnsafeBufferPointer(rebasing: input[(hasBOM ? 3 : 0)...])
        if let (offset, message) = UTF8Scanner.firstYAMLEncodingProblem(in: text) {
            var locator = TextLocator(text)
            let (line, column) = locator.location(of: offset)
            throw ManifestError(.encoding, message: message, line: line, column: column)
        }

        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw ManifestError(.limitExceeded, message: "libyaml could not allocate a parser")
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        if let base = text.baseAddress {
            yaml_parser_set_input_string(parser, base, text.count)
        } else {
            var empty: UInt8 = 0
            yaml_parser_set_input_string(parser, &empty, 0)
        }

        var builder = YAMLEventParser(limits: limits)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) != 0 else {
                let error = libyamlError(parser.pointee, text: text)
                throw located(error, builder: builder, text: text)
            }
            let finished: Bool
            do {
                finished = try builder.handle(&event)
            } catch {
                yaml_event_delete(&event)
                throw located(error, builder: builder, text: text)
            }
            yaml_event_delete(&event)
            if finished { return builder.documents }
        }
    }

    /// Turns libyaml's error state into a ``ManifestError``.
    private static func libyamlError(_ parser: yaml_parser_t, text: UnsafeBufferPointer<UInt8>)
        -> ManifestError
    {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return ManifestError(.limitExceeded, message: "libyaml ran out of memory")
        case YAML_READER_ERROR:
            var locator = TextLocator(text)
            let (line, column) = locator.location(of: parser.problem_offset)
            return ManifestError(.encoding, message: problem, line: line, column: column)
        default:
            var message = problem
            if let context = parser.context {
                let mark = parser.context_mark
                message +=
                    " (\(String(cString: context)) starting at line \(mark.line + 1), "
                    + "column \(mark.column + 1))"
            }
            return ManifestError(
                .syntax, message: message, line: Int(parser.problem_mark.line) + 1,
                column: Int(parser.problem_mark.column) + 1)
        }
    }

    /// Sets the document index on an error: always after the first document, and in the
    /// first when another document starts after the error's line.
    private static func located(
        _ error: ManifestError, builder: borrowing YAMLEventParser,
        text: UnsafeBufferPointer<UInt8>
    ) -> ManifestError {
        let index = builder.documents.count
        let multiDocument =
            index > 0 || builder.documentsStarted > 1
            || hasDocumentMarker(in: text, afterLine: error.line ?? 0)
        return error.located(file: nil, documentIndex: multiDocument ? index : nil)
    }

    /// Whether a line after `line` starts with the document marker `---`.
    private static func hasDocumentMarker(in text: UnsafeBufferPointer<UInt8>, afterLine line: Int)
        -> Bool
    {
        var currentLine = 1
        var position = 0
        while position < text.count {
            if currentLine > line, text.count - position >= 3,
                text[position] == UInt8(ascii: "-"), text[position + 1] == UInt8(ascii: "-"),
                text[position + 2] == UInt8(ascii: "-")
            {
                let next = position + 3
                if next == text.count || text[next] == 0x20 || text[next] == 0x09
                    || text[next] == 0x0A || text[next] == 0x0D
                {
                    return true
                }
            }
            guard let lineEnd = text[position...].firstIndex(of: 0x0A) else { return false }
            position = lineEnd + 1
            currentLine += 1
        }
        return false
    }
}
