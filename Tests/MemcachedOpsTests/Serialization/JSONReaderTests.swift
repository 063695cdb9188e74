import MemcachedOps
import Testing

@Suite("Reading JSON")
struct JSONReaderTests {
    @Test("reads every kind of value and keeps key order")
    func readsValues() throws {
        let value = try JSONReader.parse(
            #"{"z": 1, "a": [true, false, null, "s", -2.5e3], "m": {"y": {}, "x": []}}"#)
        let number = JSONValue.number(JSONNumber(validatedText: "-2.5e3"))
        let expected: JSONValue = [
            "z": 1, "a": [true, false, nil, "s", number], "m": ["y": [:], "x": []],
        ]
        #expect(value == expected)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value["m"]?.objectValue?.keys == ["y", "x"])
    }

    @Test(
        "keeps number text exactly",
        arguments: [
            "12345678901234567890", "1.0", "-0", "1E+3", "0", "-0.0", "1e-7",
            "3.14159265358979323846",
            "123456789012345678901234567890", "0.5E-10",
        ])
    func keepsNumberText(text: String) throws {
        let value = try JSONReader.parse(text)
        #expect(value.numberValue?.text == text)
        #expect(JSONWriter.string(value, style: .compact) == text)
    }

    @Test("decodes escapes, surrogate pairs and non-ASCII text")
    func decodesEscapes() throws {
        let value = try JSONReader.parse(
            #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u4e2d\ud83d\ude00", "héllo 😀", "\u0000"]"#)
        let strings = value.arrayValue?.compactMap(\.stringValue)
        #expect(strings == ["a\"b\\c/d\u{8}\u{C}\n\r\t", "é中😀", "héllo 😀", "\u{0}"])
    }

    @Test("skips a UTF-8 byte-order mark and surrounding whitespace")
    func skipsByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(" \r\n\t{\"a\": 1}\n ".utf8)
        #expect(try JSONReader.parse(bytes) == ["a": 1])
    }

    @Test("reads a stream of values with the line each starts on")
    func readsStreams() throws {
        let documents = try JSONReader.documents(
            Array("{\"a\": 1}\n\n[2]\n  \"three\" 4\nnull".utf8))
        #expect(documents.map(\.value) == [["a": 1], [2], "three", 4, nil])
        #expect(documents.map(\.line) == [1, 3, 4, 4, 5])
        #expect(documents.map(\.index) == [0, 1, 2, 3, 4])
        #expect(try JSONReader.parseDocuments(Array(" \n ".utf8)).isEmpty)
    }

    @Test("reads large objects and finds duplicates in them")
    func readsLargeObjects() throws {
        let members = (0..<200).map { "\"key\($0)\": \($0)" }
        let object = try JSONReader.parse("{" + members.joined(separator: ",") + "}")
        #expect(object.objectValue?.count == 200)
        #expect(object.objectValue?.keys.last == "key199")

        let duplicated = "{" + (members + ["\"key150\": 0"]).joined(separator: ",") + "}"
        let error = #expect(throws: ManifestError.self) { try JSONReader.parse(duplicated) }
        #expect(error?.code == .duplicateKey)
        #expect(error?.path == "key150")
    }

    @Test("reads nesting up to the depth limit and no deeper")
    func depthLimit() throws {
        let limits = ReadingLimits(maxDepth: 10)
        let ten = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(throws: Never.self) { try JSONReader.parse(ten, limits: limits) }
        let eleven = "[" + ten + "]"
        let error = #expect(throws: ManifestError.self) {
            try JSONReader.parse(eleven, limits: limits)
        }
        #expect(error?.code == .limitExceeded)
        #expect(error?.column == 11)
    }

    @Test("accepts any input through the generic entry point")
    func readsCollections() throws {
        let text = #"{"k": "v"}"#
        #expect(try JSONReader.parse(Array(text.utf8)) == ["k": "v"])
        #expect(try JSONReader.parse(text.utf8) == ["k": "v"])
        #expect(try JSONReader.parse(Array(text.utf8)[...]) == ["k": "v"])
        #expect(try JSONReader.parse(text.utf8.reversed().reversed()) == ["k": "v"])
    }

    @Test(
        "finds a duplicate key however its copies are written",
        arguments: [
            #"{"alias": 1, "alias": 2}"#, #"{"alias": 1, "\u0061lias": 2}"#,
            #"{"a\/b": 1, "a/b": 2}"#, #"{"caf\u00e9": 1, "café": 2}"#,
        ])
    func duplicateKeysWithEscapes(text: String) throws {
        let error = #expect(throws: ManifestError.self) { try JSONReader.parse(text) }
        #expect(error?.code == .duplicateKey)
    }

    @Test("keys that differ only after an escape are not duplicates")
    func nearDuplicates() throws {
        let value = try JSONReader.parse(#"{"a\u0062": 1, "ac": 2, "ab ": 3}"#)
        #expect(value.objectValue?.keys == ["ab", "ac", "ab "])
    }
}
