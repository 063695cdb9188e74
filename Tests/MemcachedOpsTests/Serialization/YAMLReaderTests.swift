import MemcachedOps
import MemcachedOpsYAML
import Testing

/// Reads `value: <scalar>` and returns the value.
private func scalar(_ text: String) throws -> JSONValue? {
    try YAMLReader.value(Array("value: \(text)\n".utf8))["value"]
}

private func number(_ text: String) -> JSONValue {
    .number(JSONNumber(validatedText: text))
}

@Suite("Reading YAML")
struct YAMLReaderTests {
    @Test(
        "resolves plain scalars as Kubernetes does",
        arguments: [
            // Null.
            ("~", nil), ("null", nil), ("Null", nil), ("NULL", nil), ("", nil),
            // Booleans, YAML 1.1 style.
            ("y", true), ("Y", true), ("yes", true), ("Yes", true), ("YES", true),
            ("true", true), ("True", true), ("TRUE", true), ("on", true), ("On", true),
            ("ON", true), ("n", false), ("N", false), ("no", false), ("No", false),
            ("NO", false), ("false", false), ("False", false), ("FALSE", false), ("off", false),
            ("Off", false), ("OFF", false),
            // Integers, converted to decimal.
            ("42", number("42")), ("-17", number("-17")), ("+12", number("12")),
            ("1_000", number("1000")), ("0x1F", number("31")), ("-0x1F", number("-31")),
            ("0b101", number("5")), ("0755", number("493")), ("0o17", number("15")),
            ("12345678901234567890", number("12345678901234567890")),
            ("0xFFFFFFFFFFFFFFFF", number("18446744073709551615")), ("-0", number("-0")),
            // Floats, normalized to JSON.
            ("1.5", number("1.5")), ("1.6", number("1.6")), ("1e3", number("1e3")),
            ("1E+3", number("1E+3")), (".5", number("0.5")), ("-.5", number("-0.5")),
            ("1.", number("1.0")), ("+1.5", number("1.5")), ("08", number("8")),
            ("007.50", number("7.50")), ("1_000.5", number("1000.5")),
            // Strings.
            ("1.6.40", "1.6.40"), ("0x", "0x"), ("1e", "1e"), ("tRUE", "tRUE"), ("~x", "~x"),
            ("yes please", "yes please"), ("0xFFFFFFFFFFFFFFFFF", "0xFFFFFFFFFFFFFFFFF"),
            ("1:20", "1:20"), ("2024-08-22T13:54:45Z", "2024-08-22T13:54:45Z"),
            ("_1", "_1"), (".5_0", ".5_0"), ("-.nan", "-.nan"), ("127.0.0.1", "127.0.0.1"),
            ("500m", "500m"), ("<<", "<<"), ("WipeOut", "WipeOut"),
        ] as [(String, JSONValue)])
    func resolvesPlainScalars(text: String, expected: JSONValue) throws {
        #expect(try scalar(text) == expected)
    }

    @Test(
        "keeps quoted and block scalars as strings",
        arguments: [
            "'1.6.40'", "\"1.6\"", "'true'", "\"yes\"", "'null'", "\"~\"", "''", "\"0x1F\"",
            "'0755'", "\"1e3\"", "\".inf\"", "|\n  123\n", ">-\n  true\n",
        ])
    func quotedScalarsAreStrings(text: String) throws {
        #expect(try scalar(text)?.stringValue != nil)
    }

    @Test(
        "honors the standard tags",
        arguments: [
            ("!!str 1", "1"), ("!!str true", "true"), ("!!str", ""),
            ("!!int \"12\"", number("12")),
            ("!!float 1", number("1")), ("!!float '2.5'", number("2.5")), ("!!bool 'yes'", true),
            ("!!null ''", nil), ("!custom 12", "12"), ("! 12", "12"),
            ("!!binary aGVsbG8=", "aGVsbG8="),
        ] as [(String, JSONValue)])
    func honorsTags(text: String, expected: JSONValue) throws {
        #expect(try scalar(text) == expected)
    }

    @Test("writes non-string keys as they are written")
    func nonStringKeys() throws {
        let value = try YAMLReader.value(Array("1: a\ntrue: b\n~: c\n0x1F: d\n1.5: e\n".utf8))
        #expect(value.objectValue?.keys == ["1", "true", "~", "0x1F", "1.5"])
    }

    @Test("keeps keys in document order")
    func keyOrder() throws {
        let value = try YAMLReader.value(Array("zeta: 1\nalpha: 2\nmid:\n  z: 1\n  a: 2\n".utf8))
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
        #expect(value["mid"]?.objectValue?.keys == ["z", "a"])
    }

    @Test("expands anchors and aliases")
    func anchorsAndAliases() throws {
        let text = """
            labels: &labels {app: memcached, tier: cache}
            selector: *labels
            ports: &ports [11211, 9150]
            more: [*ports, *labels]
            name: &name demo
            again: *name
            """
        let value = try YAMLReader.value(Array(text.utf8))
        #expect(value["selector"] == value["labels"])
        #expect(value["more"] == [value["ports"] ?? nil, value["labels"] ?? nil])
        #expect(value["again"] == "demo")
    }

    @Test("merges mappings with <<, explicit keys winning")
    func mergeKeys() throws {
        let text = """
            base: &base {cpu: 250m, memory: 64Mi}
            big: &big {memory: 128Mi, gpu: 1}
            one:
              <<: *base
              memory: 1Gi
            many:
              name: x
              <<: [*big, *base]
            """
        let value = try YAMLReader.value(Array(text.utf8))
        #expect(value["one"] == ["cpu": "250m", "memory": "1Gi"])
        #expect(value["one"]?.objectValue?.keys == ["cpu", "memory"])
        #expect(value["many"] == ["name": "x", "memory": "128Mi", "gpu": 1, "cpu": "250m"])
        #expect(try YAMLReader.value(Array("a: {'<<': 1}".utf8))["a"] == ["<<": 1])
    }

    @Test("reads block scalars with every chomping indicator")
    func blockScalars() throws {
        let text = """
            clip: |
              line one
              line two

            strip: |-
              text
            keep: |+
              text

            folded: >
              folded
              text

              next
            indented: |2
                four spaces
            """
        let value = try YAMLReader.value(Array(text.utf8))
        #expect(value["clip"] == "line one\nline two\n")
        #expect(value["strip"] == "text")
        #expect(value["keep"] == "text\n\n")
        #expect(value["folded"] == "folded text\nnext\n")
        #expect(value["indented"] == "  four spaces")
    }

    @Test("reads flow style, comments and multi-line plain scalars")
    func flowAndComments() throws {
        let text = """
            # a comment
            spec: {replicas: 3, ports: [1, 2], labels: {a: b}}  # trailing
            long: this plain
              scalar folds
            """
        let value = try YAMLReader.value(Array(text.utf8))
        #expect(value["spec"] == ["replicas": 3, "ports": [1, 2], "labels": ["a": "b"]])
        #expect(value["long"] == "this plain scalar folds")
    }

    @Test("skips a byte-order mark")
    func byteOrderMark() throws {
        let documents = try YAMLReader.documents([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8))
        #expect(documents.map(\.value) == [["a": 1]])
        #expect(documents.first?.line == 1)
    }

    @Test("reads multi-document streams and skips empty documents")
    func multiDocument() throws {
        let text = "---\n---\n# only a comment\n---\na: 1\n---\n...\n---\n- b\n--- null\n"
        let documents = try YAMLReader.documents(Array(text.utf8))
        #expect(documents.map(\.value) == [["a": 1], ["b"], nil])
        #expect(documents.map(\.index) == [0, 1, 2])
        #expect(documents.map(\.line) == [4, 8, 10])
        #expect(try YAMLReader.documents(Array("# nothing\n".utf8)).isEmpty)
        #expect(try YAMLReader.documents([UInt8]()).isEmpty)
    }

    @Test("reads CRLF line endings")
    func crlf() throws {
        let value = try YAMLReader.value(Array("a: 1\r\nb:\r\n  - x\r\n".utf8))
        #expect(value == ["a": 1, "b": ["x"]])
    }

    @Test("counts alias expansion against the limit")
    func aliasLimit() throws {
        let text = "a: &a [1, 2, 3, 4]\nb: [*a, *a, *a]\n"
        #expect(throws: Never.self) {
            try YAMLReader.documents(text, limits: ReadingLimits(maxAliasExpansion: 30))
        }
        let error = #expect(throws: ManifestError.self) {
            try YAMLReader.documents(text, limits: ReadingLimits(maxAliasExpansion: 15))
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.path == "b[1]")
    }
}
