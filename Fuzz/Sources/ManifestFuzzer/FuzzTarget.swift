import MemcachedOps
import MemcachedOpsYAML

/// Limits small enough that every input is read quickly.
private let limits = ReadingLimits(
    maxDepth: 64, maxBytes: 1 << 20, maxAliasExpansion: 10_000, maxDocuments: 1_000)

/// libFuzzer's entry point: reads the input with every reader and checks that whatever
/// reads successfully writes back to text that reads as an equal value.
///
/// A crash, a hang or a trap here is a finding; an input that is rejected with a
/// `ManifestError` is fine.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)

    if let documents = try? JSONReader.documents(bytes, limits: limits) {
        for document in documents { checkRoundTrips(document.value) }
    }
    if let value = try? JSONReader.parse(bytes, limits: limits) {
        checkRoundTrips(value)
    }
    if let documents = try? YAMLReader.documents(bytes, limits: limits) {
        let values = documents.map(\.value)
        for value in values { checkRoundTrips(value) }
        let stream = YAMLWriter.bytes(values)
        let reread = try? YAMLReader.documents(stream, limits: relaxed).map(\.value)
        require(reread == values, "a YAML stream did not read back equal", stream)
    }
    _ = try? DocumentReader.read(bytes, limits: limits)
    return 0
}

/// Re-reading written output may go deeper than the input did (aliases are written out),
/// so it uses looser limits.
private let relaxed = ReadingLimits(maxDepth: 4096, maxAliasExpansion: .max)

private func checkRoundTrips(_ value: JSONValue) {
    for style in [JSONWriter.Style.compact, .pretty] {
        let json = JSONWriter.bytes(value, style: style)
        let reread = try? JSONReader.parse(json, limits: relaxed)
        require(reread == value, "JSON did not read back equal", json)
    }
    let yaml = YAMLWriter.bytes([value])
    let reread = try? YAMLReader.documents(yaml, limits: relaxed).map(\.value)
    require(reread == [value], "YAML did not read back equal", yaml)
}

private func require(_ condition: Bool, _ message: String, _ output: [UInt8]) {
    guard !condition else { return }
    preconditionFailure(message + ":\n" + String(decoding: output, as: UTF8.self))
}
