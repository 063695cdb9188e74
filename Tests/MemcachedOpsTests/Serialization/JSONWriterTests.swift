import MemcachedOps
import Testing

@Suite("Writing JSON")
struct JSONWriterTests {
    private let value: JSONValue = [
        "name": "demo", "list": [1, true, nil], "empty": [:], "none": [], "nested": ["a": "b"],
    ]

    @Test("writes compact JSON with keys in order")
    func compact() {
        let expected =
            #"{"name":"demo","list":[1,true,null],"empty":{},"none":[],"#
            + #""nested":{"a":"b"}}"#
        #expect(JSONWriter.string(value, style: .compact) == expected)
    }

    @Test("writes pretty JSON with two-space indentation")
    func pretty() {
        let expected = """
            {
              "name": "demo",
              "list": [
                1,
                true,
                null
              ],
              "empty": {},
              "none": [],
              "nested": {
                "a": "b"
              }
            }
            """
        #expect(JSONWriter.string(value) == expected)
    }

    @Test(
        "escapes only what JSON requires",
        arguments: [
            ("plain", #""plain""#), ("q\"b\\", #""q\"b\\""#), ("a/b", #""a/b""#),
            ("\n\t\r\u{8}\u{C}", #""\n\t\r\b\f""#),
            ("\u{0}\u{1B}\u{1F}", #""\u0000\u001b\u001f""#),
            ("héllo 😀 \u{2028}", "\"héllo 😀 \u{2028}\""), ("\u{7F}", "\"\u{7F}\""),
        ])
    func escaping(string: String, written: String) throws {
        #expect(JSONWriter.string(.string(string)) == written)
        #expect(try JSONReader.parse(written) == .string(string))
    }

    @Test("writes bytes equal to the string form")
    func bytes() {
        #expect(
            JSONWriter.bytes(value, style: .compact)
                == Array(JSONWriter.string(value, style: .compact).utf8))
    }
}
