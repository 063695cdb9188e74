import Foundation
import MemcachedOps
import MemcachedOpsYAML
import Testing

/// The YAML fixtures shipped with the tests: KubeDB's sample manifests.
private enum YAMLFixtures {
    /// The fixtures directory inside the test bundle.
    static var directory: URL? {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)
    }

    /// The names of all `.yaml` fixtures, sorted.
    static var yamlNames: [String] {
        guard let directory,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// The path of one fixture.
    static func path(_ name: String) -> String {
        directory?.appendingPathComponent(name).path ?? name
    }
}

@Suite("Reading and writing the KubeDB fixtures")
struct FixtureSerializationTests {
    @Test("the fixtures are there")
    func fixturesExist() {
        #expect(YAMLFixtures.yamlNames.count >= 9)
    }

    @Test(
        "each fixture reads, converts to JSON and back, and writes back to equal YAML",
        arguments: YAMLFixtures.yamlNames)
    func roundTrip(name: String) throws {
        let documents = try DocumentReader.readFile(atPath: YAMLFixtures.path(name))
        #expect(documents.count == 1)
        for document in documents {
            let value = document.value
            #expect(value["apiVersion"]?.stringValue != nil)
            #expect(value["kind"]?.stringValue != nil)

            for style in [JSONWriter.Style.pretty, .compact] {
                let json = JSONWriter.string(value, style: style)
                #expect(try JSONReader.parse(json) == value)
            }
            let yaml = YAMLWriter.string(value)
            #expect(try YAMLReader.value(Array(yaml.utf8)) == value, "\(yaml)")
        }
    }

    @Test("scalars in the fixtures resolve as Kubernetes reads them")
    func fixtureScalars() throws {
        let ready = try YAMLReader.value(
            try Array(
                Data(
                    contentsOf: URL(
                        fileURLWithPath: YAMLFixtures.path(
                            "memcached-ready-status.yaml")))))
        #expect(ready["spec"]?["version"] == "1.6.40")
        #expect(ready["spec"]?["replicas"] == 1)
        #expect(ready["metadata"]?["generation"] == 1)
        #expect(ready["status"]?["conditions"]?.arrayValue?.first?["status"] == "True")
        let annotation = ready["metadata"]?["annotations"]?[
            "kubectl.kubernetes.io/last-applied-configuration"]
        #expect(annotation?.stringValue?.hasSuffix("}\n") == true)
        let embedded = try JSONReader.parse(annotation?.stringValue ?? "")
        #expect(embedded["spec"]?["replicas"] == 3)

        let tls = try DocumentReader.readFile(atPath: YAMLFixtures.path("mc-tls.yaml"))
        let addresses = tls.first?.value["spec"]?["tls"]?["certificates"]?.arrayValue?
            .first?["ipAddresses"]
        #expect(addresses == ["127.0.0.1", "192.168.0.252"])
        let rotate = try DocumentReader.readFile(atPath: YAMLFixtures.path("mc-ops-rotate.yaml"))
        #expect(rotate.first?.value["spec"]?["tls"]?["rotateCertificates"] == true)
    }

    @Test("the fixtures written as one stream read back in order")
    func stream() throws {
        let values = try YAMLFixtures.yamlNames.flatMap {
            try DocumentReader.readFile(atPath: YAMLFixtures.path($0)).map(\.value)
        }
        let text = YAMLWriter.string(values)
        let documents = try DocumentReader.read(Array(text.utf8))
        #expect(documents.map(\.value) == values)
        #expect(documents.map(\.index) == Array(values.indices))
        let json = values.map { JSONWriter.string($0, style: .compact) }.joined(separator: "\n")
        #expect(try DocumentReader.read(Array(json.utf8)).map(\.value) == values)
    }
}
