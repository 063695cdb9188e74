import MemcachedOps
import MemcachedOpsYAML
import Testing

/// One input a reader must reject, and how.
struct MalformedText: Sendable, CustomTestStringConvertible {
    enum Reader: Sendable { case json, jsonValue, yaml }

    var name: String
    var reader: Reader
    var bytes: [UInt8]
    var code: ManifestError.Code
    var line: Int?
    var column: Int?
    var path: FieldPath?
    var message: String?
    var limits = ReadingLimits.default

    var testDescription: String { "\(reader): \(name)" }

    init(
        _ name: String, _ reader: Reader, _ text: String, _ code: ManifestError.Code,
        line: Int? = nil, column: Int? = nil, path: FieldPath? = nil, message: String? = nil,
        limits: ReadingLimits = .default
    ) {
        self.init(
            name, reader, bytes: Array(text.utf8), code, line: line, column: column,
            path: path, message: message, limits: limits)
    }

    init(
        _ name: String, _ reader: Reader, bytes: [UInt8], _ code: ManifestError.Code,
        line: Int? = nil, column: Int? = nil, path: FieldPath? = nil, message: String? = nil,
        limits: ReadingLimits = .default
    ) {
        self.name = name
        self.reader = reader
        self.bytes = bytes
        self.code = code
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.limits = limits
    }

    func read() throws(ManifestError) {
        switch reader {
        case .json: _ = try JSONReader.documents(bytes, limits: limits)
        case .jsonValue: _ = try JSONReader.parse(bytes, limits: limits)
        case .yaml: _ = try YAMLReader.documents(bytes, limits: limits)
        }
    }
}

/// A billion-laughs document: ten levels, each an array of ten aliases to the level below.
private func billionLaughs() -> String {
    var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1..<10 {
        let aliases = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
        text += "l\(level): &l\(level) [\(aliases)]\n"
    }
    return text
}

private let malformedTexts: [MalformedText] = [
    // JSON syntax.
    MalformedText(
        "trailing comma", .json, #"{"a": 1,}"#, .syntax, line: 1, column: 9,
        message: "expected a key after ',', found '}'"),
    MalformedText(
        "missing colon", .json, #"{"a" 1}"#, .syntax, line: 1, column: 6,
        message: "expected ':' after an object key, found '1'"),
    MalformedText(
        "missing comma", .json, "{\"a\": 1\n \"b\": 2}", .syntax, line: 2, column: 2,
        message: "expected ',' or '}' after an object member, found '\"'"),
    MalformedText(
        "truncated array", .json, "[1, 2", .syntax, line: 1, column: 6,
        message: "unexpected end of input"),
    MalformedText(
        "empty input", .jsonValue, "", .syntax, line: 1, column: 1,
        message: "unexpected end of input: expected a value"),
    MalformedText(
        "unterminated string", .json, "{\"a\": \"unterminated", .syntax, line: 1,
        column: 7, message: "unterminated string"),
    MalformedText(
        "bad escape", .json, #"["bad \x escape"]"#, .syntax, line: 1, column: 7,
        message: "invalid escape"),
    MalformedText("short unicode escape", .json, #"["\u12G4"]"#, .syntax, line: 1, column: 3),
    MalformedText(
        "lone high surrogate", .json, #"["\ud800 x"]"#, .syntax, line: 1, column: 3,
        message: "lone surrogate"),
    MalformedText(
        "lone low surrogate", .json, #"["\udc00"]"#, .syntax, line: 1, column: 3,
        message: "lone surrogate"),
    MalformedText("raw line break in a string", .json, "[\"a\nb\"]", .syntax, line: 1, column: 4),
    MalformedText("leading zero", .json, "[01]", .syntax, line: 1, column: 2),
    MalformedText("fraction without digits", .json, "[1.]", .syntax, line: 1, column: 4),
    MalformedText("misspelled literal", .json, "[tru]", .syntax, line: 1, column: 2),
    MalformedText("garbage after the value", .jsonValue, "{} x", .syntax, line: 1, column: 4),
    // JSON encoding, duplicates and limits.
    MalformedText(
        "invalid UTF-8 in a string", .json, bytes: Array("[\"a".utf8) + [0xFF, 0x22, 0x5D],
        .encoding, line: 1, column: 4),
    MalformedText(
        "overlong UTF-8", .json, bytes: [0x22, 0xC0, 0xAF, 0x22], .encoding, line: 1,
        column: 2),
    MalformedText(
        "NUL byte between values", .json, bytes: Array("[1,".utf8) + [0] + Array("2]".utf8),
        .encoding, line: 1, column: 4),
    MalformedText(
        "NUL byte in a string", .json, bytes: [0x22, 0x61, 0x00, 0x22], .encoding,
        line: 1, column: 3),
    MalformedText(
        "duplicate key", .json, "{\"spec\": {\n  \"replicas\": 1,\n  \"replicas\": 2}}",
        .duplicateKey, line: 3, path: "spec.replicas"),
    MalformedText(
        "100,000 nested arrays", .json, String(repeating: "[", count: 100_000),
        .limitExceeded, line: 1, column: 513),
    MalformedText(
        "100,000 nested objects", .json, String(repeating: "{\"a\":", count: 100_000),
        .limitExceeded),
    MalformedText(
        "input over the size limit", .json, "[1, 2, 3]", .limitExceeded,
        limits: ReadingLimits(maxBytes: 4)),
    // YAML syntax.
    MalformedText(
        "truncated flow sequence", .yaml, "a: [1, 2", .syntax, line: 2, column: 1,
        message: "did not find expected ',' or ']'"),
    MalformedText(
        "unterminated quoted string", .yaml, "key: \"unterminated\n", .syntax,
        message: "found unexpected end of stream"),
    MalformedText(
        "tab as indentation", .yaml, "a:\n\tb: 1\n", .syntax, line: 2, column: 1,
        message: "found character that cannot start any token"),
    MalformedText("bad indentation", .yaml, "a:\n  - b\n - c\n", .syntax, line: 3, column: 2),
    MalformedText(
        "mapping value in a plain scalar", .yaml, "key: value: other\n", .syntax,
        line: 1, column: 11),
    MalformedText("unknown alias", .yaml, "a: *nope\n", .syntax, line: 1, column: 4, path: "a"),
    MalformedText("alias inside its own anchor", .yaml, "a: &a [*a]\n", .syntax, path: "a[0]"),
    // YAML values.
    MalformedText(
        "duplicate key", .yaml, "spec:\n  replicas: 1\n  replicas: 2\n", .duplicateKey,
        line: 3, column: 3, path: "spec.replicas"),
    MalformedText(
        "duplicate merge key", .yaml, "a: &x {x: 1}\nb:\n  <<: *x\n  <<: *x\n",
        .duplicateKey, line: 4, path: "b[\"<<\"]"),
    MalformedText(
        "infinity", .yaml, "spec:\n  x: .inf\n", .invalidValue, line: 2, column: 6,
        path: "spec.x"),
    MalformedText("negative infinity", .yaml, "- -.Inf\n", .invalidValue, line: 1, path: "[0]"),
    MalformedText("not a number", .yaml, "a: [1, .NaN]\n", .invalidValue, path: "a[1]"),
    MalformedText(
        "mapping as a key", .yaml, "? {a: 1}\n: x\n", .invalidValue, line: 1,
        message: "mapping keys must be scalars"),
    MalformedText(
        "sequence as a key", .yaml, "[a, b]: x\n", .invalidValue,
        message: "mapping keys must be scalars"),
    MalformedText("tag that does not fit", .yaml, "a: !!int abc\n", .invalidValue, path: "a"),
    MalformedText("merge of a scalar", .yaml, "a:\n  <<: 1\n", .invalidValue, line: 2),
    // YAML encoding and limits.
    MalformedText(
        "NUL byte", .yaml, bytes: Array("a: b".utf8) + [0], .encoding, line: 1, column: 5),
    MalformedText(
        "invalid UTF-8", .yaml, bytes: Array("a: 1\nb: x".utf8) + [0xC3, 0x28], .encoding,
        line: 2, column: 5),
    MalformedText("control character", .yaml, "a: \u{7}\n", .encoding, line: 1, column: 4),
    MalformedText(
        "billion laughs", .yaml, billionLaughs(), .limitExceeded,
        message: "too many alias expansions (possible alias bomb)"),
    MalformedText(
        "100,000 nested flow sequences", .yaml, String(repeating: "[", count: 100_000),
        .limitExceeded, line: 1, column: 513),
    MalformedText(
        "600 nested block mappings", .yaml,
        (0..<600).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n"),
        .limitExceeded, line: 513),
    MalformedText(
        "alias that nests too deep", .yaml,
        "a: &a [[[[x]]]]\nb: [[[*a]]]\n", .limitExceeded, limits: ReadingLimits(maxDepth: 6)),
    MalformedText(
        "too many documents", .yaml, "a: 1\n---\nb: 2\n---\nc: 3\n", .limitExceeded,
        limits: ReadingLimits(maxDocuments: 2)),
]

@Suite("Rejecting bad input")
struct MalformedTextTests {
    @Test("each bad input fails with the expected code and location", arguments: malformedTexts)
    func rejects(input: MalformedText) {
        let error = #expect(throws: ManifestError.self) { try input.read() }
        guard let error else { return }
        #expect(error.code == input.code, "\(error)")
        if let line = input.line { #expect(error.line == line, "\(error)") }
        if let column = input.column { #expect(error.column == column, "\(error)") }
        if let path = input.path { #expect(error.path == path, "\(error)") }
        if let message = input.message { #expect(error.message.contains(message), "\(error)") }
    }

    @Test("errors in a later document carry its index")
    func documentIndex() throws {
        let yaml = #expect(throws: ManifestError.self) {
            try YAMLReader.documents("a: 1\n---\nb: [\n")
        }
        #expect(yaml?.documentIndex == 1)

        let firstOfMany = #expect(throws: ManifestError.self) {
            try YAMLReader.documents("a: 1\na: 2\n---\nb: 1\n")
        }
        #expect(firstOfMany?.documentIndex == 0)

        let only = #expect(throws: ManifestError.self) {
            try YAMLReader.documents("a: 1\na: 2\n")
        }
        #expect(only?.documentIndex == nil)

        let json = #expect(throws: ManifestError.self) {
            try JSONReader.documents(Array("{}\n{\"a\": [1,}".utf8))
        }
        #expect(json?.documentIndex == 1)
        #expect(json?.line == 2)

        let jsonDuplicate = #expect(throws: ManifestError.self) {
            try JSONReader.documents(Array("{\"a\": 1, \"a\": 2}\n{}".utf8))
        }
        #expect(jsonDuplicate?.documentIndex == 0)
    }

    @Test("syntax errors read like compiler diagnostics")
    func description() {
        let error = #expect(throws: ManifestError.self) {
            try JSONReader.parse("{\n  \"a\": 1\n  \"b\": 2\n}")
        }
        #expect(
            error?.description
                == "<input>:3:3: expected ',' or '}' after an object member, found '\"'")
    }
}
