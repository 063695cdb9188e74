import Foundation
import MemcachedOps
import MemcachedOpsYAML
import Testing

@Suite("Reading manifests of either format")
struct DocumentReaderTests {
    @Test(
        "chooses the reader from the first character",
        arguments: [
            ("{\"a\": 1}", DocumentReader.Format.json),
            ("  \n[1]", .json),
            ("\u{FEFF}{}", .json),
            ("a: 1", .yaml),
            ("# {comment}\n{}", .yaml),
            ("", .yaml),
            ("- [1]", .yaml),
        ])
    func detectsFormat(text: String, format: DocumentReader.Format) {
        #expect(DocumentReader.format(of: Array(text.utf8)) == format)
    }

    @Test("reads JSON and YAML to the same documents")
    func sameDocuments() throws {
        let json = try DocumentReader.read(Array(#"{"spec": {"replicas": 3}}"#.utf8))
        let yaml = try DocumentReader.read(Array("spec:\n  replicas: 3\n".utf8))
        #expect(json == yaml)
    }

    @Test("names the file in every error from a file")
    func fileErrors() throws {
        let missing = "/nonexistent/manifest.yaml"
        let notFound = #expect(throws: ManifestError.self) {
            try DocumentReader.readFile(atPath: missing)
        }
        #expect(notFound?.code == .unreadable)
        #expect(notFound?.file == missing)
        #expect(notFound?.message.contains("No such file") == true)

        let directory = #expect(throws: ManifestError.self) {
            try DocumentReader.readFile(atPath: NSTemporaryDirectory())
        }
        #expect(directory?.code == .unreadable)

        let name = "mcops-reader-\(UInt32.random(in: 0...UInt32.max)).yaml"
        let path = NSTemporaryDirectory() + name
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("a: 1\n---\nb: [\n".utf8).write(to: URL(fileURLWithPath: path))
        let syntax = #expect(throws: ManifestError.self) {
            try DocumentReader.readFile(atPath: path)
        }
        #expect(syntax?.code == .syntax)
        #expect(syntax?.file == path)
        #expect(syntax?.documentIndex == 1)
        #expect(syntax?.description.hasPrefix(path + ":4:1: ") == true)

        let tooLarge = #expect(throws: ManifestError.self) {
            try DocumentReader.readFile(atPath: path, limits: ReadingLimits(maxBytes: 4))
        }
        #expect(tooLarge?.code == .limitExceeded)
        #expect(tooLarge?.file == path)
    }
}
