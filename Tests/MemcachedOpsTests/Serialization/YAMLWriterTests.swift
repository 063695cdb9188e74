import MemcachedOps
import MemcachedOpsYAML
import Testing

/// Writes `value` as YAML and reads it back.
private func roundTrip(_ value: JSONValue) throws -> JSONValue {
    let text = YAMLWriter.string(value)
    return try YAMLReader.value(Array(text.utf8))
}

/// An object with one key.
private func object(_ key: String, _ value: JSONValue) -> JSONValue {
    .object(JSONObject([JSONObject.Entry(key: key, value: value)]))
}

@Suite("Writing YAML")
struct YAMLWriterTests {
    @Test(
        "quotes strings only when needed, and each reads back as the same string",
        arguments: [
            // Strings that would resolve to something else: double quotes, as kubectl.
            ("1.6", #""1.6""#), ("true", #""true""#), ("yes", #""yes""#), ("y", #""y""#),
            ("null", #""null""#), ("~", #""~""#), ("", #""""#), ("0x1F", #""0x1F""#),
            ("0755", #""0755""#), ("1e3", #""1e3""#), (".inf", #"".inf""#), ("<<", #""<<""#),
            ("2024-08-22T13:54:45Z", #""2024-08-22T13:54:45Z""#), ("1:20", #""1:20""#),
            ("-12", #""-12""#), ("Off", #""Off""#),
            // Strings that cannot be plain: single quotes.
            ("- item", "'- item'"), ("-", "'-'"), ("? key", "'? key'"), (":x", "':x'"),
            ("a: b", "'a: b'"), ("ends with:", "'ends with:'"), ("a #comment", "'a #comment'"),
            ("#hash", "'#hash'"), (" leading", "' leading'"), ("trailing ", "'trailing '"),
            ("*alias", "'*alias'"), ("&anchor", "'&anchor'"), ("!tag", "'!tag'"),
            ("|pipe", "'|pipe'"), (">fold", "'>fold'"), ("'quoted'", "'''quoted'''"),
            ("\"dq\"", #"'"dq"'"#), ("%percent", "'%percent'"), ("@at", "'@at'"),
            ("`tick", "'`tick'"), ("[x]", "'[x]'"), ("{x}", "'{x}'"), (",x", "',x'"),
            ("---", "'---'"), ("...", "'...'"), ("--- x", "'--- x'"),
            // Control characters: double quotes with escapes.
            ("tab\there", #""tab\there""#), ("bell\u{7}", #""bell\a""#),
            ("nul\u{0}", #""nul\0""#), ("del\u{7F}", #""del\x7F""#),
            ("line\u{2028}sep", #""line\Lsep""#), ("\u{FEFF}bom", #""\uFEFFbom""#),
            ("cr\r", #""cr\r""#), (" \n", #"" \n""#),
            // Plain.
            ("memcached", "memcached"), ("1.6.40", "1.6.40"), ("-x", "-x"),
            ("a#b", "a#b"), ("http://example.com:80/x", "http://example.com:80/x"),
            ("héllo 中文 😀", "héllo 中文 😀"), ("it's", "it's"), ("500m", "500m"),
            ("a:b", "a:b"), ("a - b", "a - b"),
        ] as [(String, String)])
    func quoting(string: String, written: String) throws {
        let text = YAMLWriter.string(["k": .string(string)])
        #expect(text == "k: \(written)\n")
        #expect(try roundTrip(["k": .string(string)]) == ["k": .string(string)])
        #expect(try roundTrip(object(string, "v")) == object(string, "v"))
        #expect(try roundTrip(.string(string)) == .string(string))
    }

    @Test(
        "writes multi-line strings as literal blocks when exact",
        arguments: [
            ("a\nb", "k: |-\n  a\n  b\n"),
            ("a\nb\n", "k: |\n  a\n  b\n"),
            ("a\n\n", "k: |+\n  a\n\n"),
            ("\nlead", "k: |-\n\n  lead\n"),
            ("a\n  indented\n\tb\n", "k: |\n  a\n    indented\n  \tb\n"),
            ("{\"json\": true}\n", "k: |\n  {\"json\": true}\n"),
            (" starts with space\nx", #"k: " starts with space\nx""# + "\n"),
            ("trailing space \nx", #"k: "trailing space \nx""# + "\n"),
            ("\n\n", #"k: "\n\n""# + "\n"),
            ("cr\r\nlf", #"k: "cr\r\nlf""# + "\n"),
        ])
    func multiLine(string: String, written: String) throws {
        let value: JSONValue = ["k": .string(string)]
        #expect(YAMLWriter.string(value) == written)
        #expect(try roundTrip(value) == value)
        #expect(try roundTrip([["k": .string(string)]]) == [["k": .string(string)]])
        #expect(try roundTrip([[.string(string)]]) == [[.string(string)]])
    }

    @Test("lays out collections as kubectl does")
    func layout() {
        let value: JSONValue = [
            "metadata": ["name": "demo", "labels": [:]],
            "spec": [
                "containers": [["name": "memcached", "ports": [11211], "args": []]],
                "matrix": [[1, 2], [3]],
            ],
            "empty": [],
            "none": nil,
        ]
        let expected = """
            metadata:
              name: demo
              labels: {}
            spec:
              containers:
              - name: memcached
                ports:
                - 11211
                args: []
              matrix:
              - - 1
                - 2
              - - 3
            empty: []
            none: null

            """
        #expect(YAMLWriter.string(value) == expected)
    }

    @Test("writes multi-document streams and scalar documents")
    func documents() throws {
        let values: [JSONValue] = [["a": 1], ["b"], "text", nil, [:], []]
        let text = YAMLWriter.string(values)
        #expect(text == "a: 1\n---\n- b\n---\ntext\n---\nnull\n---\n{}\n---\n[]\n")
        #expect(try YAMLReader.documents(Array(text.utf8)).map(\.value) == values)
        #expect(YAMLWriter.string([]) == "")
        #expect(YAMLWriter.string([["a": 1], ["b": 2]]) == "a: 1\n---\nb: 2\n")
        #expect(YAMLWriter.string(.array([["a": 1], ["b": 2]])) == "- a: 1\n- b: 2\n")
    }

    @Test("writes numbers as their text")
    func numbers() throws {
        for text in ["12345678901234567890", "1.0", "-0", "1E+3", "0.5", "-1.5e-7"] {
            let value: JSONValue = ["count": .number(JSONNumber(validatedText: text))]
            #expect(YAMLWriter.string(value) == "count: \(text)\n")
            #expect(try roundTrip(value) == value)
        }
    }

    @Test("writes keys too long for an implicit key as explicit entries")
    func longKeys() throws {
        let long = String(repeating: "k", count: 1500)
        let value = JSONValue.object(
            JSONObject([
                JSONObject.Entry(key: long, value: ["nested": 1]),
                JSONObject.Entry(key: long + "2", value: [1, 2]),
                JSONObject.Entry(key: long + "3", value: "scalar"),
                JSONObject.Entry(key: long + "4", value: "multi\nline"),
            ]))
        #expect(YAMLWriter.string(value).hasPrefix("? " + long + "\n:\n  nested: 1\n"))
        #expect(try roundTrip(value) == value)
    }
}

@Suite("Writing YAML keys")
struct YAMLWriterKeyTests {
    @Test("quotes keys that YAML 1.1 would read as another type")
    func booleanLikeKeys() {
        #expect(
            YAMLWriter.string(["n": 1, "y": 2, "on": 3, "key": 4]) == """
                "n": 1
                "y": 2
                "on": 3
                key: 4

                """)
    }
}
