import Foundation
import MemcachedOps
import MemcachedOpsYAML
import Testing

@Suite("Reading and writing keeps what the models do not name")
struct LosslessTests {
    @Test("changing one typed field changes only that field, in place")
    func readModifyWrite() throws {
        let path = try Fixtures.path("memcached-ready-status.yaml")
        let original = try #require(DocumentReader.readFile(atPath: path).first?.value)
        var database = try Memcached(json: original)
        database.spec.replicas = 3

        let written = try #require(database.json.objectValue)
        let before = try #require(original.objectValue)
        #expect(written.keys == before.keys)
        let writtenSpec = try #require(written["spec"]?.objectValue)
        let beforeSpec = try #require(before["spec"]?.objectValue)
        #expect(writtenSpec.keys == beforeSpec.keys)
        #expect(writtenSpec["replicas"] == 3)
        for key in beforeSpec.keys where key != "replicas" {
            #expect(writtenSpec[key] == beforeSpec[key], "spec.\(key) changed")
        }
        #expect(written["metadata"] == before["metadata"])
        #expect(written["status"] == before["status"])
    }

    @Test("fields unknown to the models survive, in their places")
    func unknownFields() throws {
        let yaml = """
            apiVersion: kubedb.com/v1
            kind: Memcached
            metadata:
              name: db
              futureMeta: {a: 1}
            spec:
              aNewerField: {nested: [1, 2, {x: y}]}
              version: "1.6.40"
              tls:
                issuerRef: {kind: Issuer, name: ca, apiGroup: cert-manager.io, extra: keep}
                certificates:
                - alias: server
                  futureKnob: true
            """
        let manifests = try Fixtures.read(yaml)
        guard case .memcached(var database) = try #require(manifests.first) else {
            Issue.record("expected a Memcached")
            return
        }
        database.spec.tls?.certificates?[0].dnsNames = ["db.local"]
        let json = database.json
        #expect(json["spec"]?.objectValue?.keys == ["aNewerField", "version", "tls"])
        #expect(json["metadata"]?["futureMeta"] == ["a": 1])
        #expect(json["spec"]?["tls"]?["issuerRef"]?["extra"] == "keep")
        let certificate = json["spec"]?["tls"]?["certificates"]?.arrayValue?.first
        #expect(certificate?.objectValue?.keys == ["alias", "futureKnob", "dnsNames"])
        #expect(database.spec.preserved.fields["aNewerField"] != nil)
    }

    @Test("an explicit null stays null while the field stays unset")
    func explicitNull() throws {
        let manifests = try Fixtures.read(
            "apiVersion: kubedb.com/v1\nkind: Memcached\nmetadata: {name: db}\n"
                + "spec: {version: '1.6.40', tls: null, replicas: 2}\n")
        let json = try #require(manifests.first?.json)
        #expect(json["spec"]?["tls"] == .null)
        #expect(json["spec"]?.objectValue?.keys == ["version", "tls", "replicas"])
    }

    @Test("Foundation's JSONEncoder and JSONDecoder keep unknown fields")
    func codable() throws {
        let request = try Fixtures.opsRequest("mc-add-tls.yaml")
        var withExtra = request
        withExtra.spec.preserved.fields["futureField"] = "kept"
        let data = try JSONEncoder().encode(withExtra)
        let decoded = try JSONDecoder().decode(MemcachedOpsRequest.self, from: data)
        #expect(decoded.spec.preserved.fields["futureField"] == "kept")
        #expect(decoded.spec.tls == request.spec.tls)
    }

    @Test("Foundation's decoder reports the field path of a wrong type")
    func codableErrorPath() throws {
        let data = Data(#"{"alias": "server", "dnsNames": "not-a-list"}"#.utf8)
        #expect {
            try JSONDecoder().decode(CertificateSpec.self, from: data)
        } throws: { error in
            (error as? ManifestError)?.path == "dnsNames"
        }
    }

    @Test("numbers keep their exact text")
    func numberText() throws {
        let manifests = try Fixtures.read(
            "apiVersion: kubedb.com/v1\nkind: Memcached\nmetadata: {name: db}\n"
                + "spec: {version: '1', podTemplate: {a: 1.50, b: 12345678901234567890}}\n")
        let template = try #require(manifests.first?.json["spec"]?["podTemplate"])
        #expect(template["a"]?.numberValue?.text == "1.50")
        #expect(template["b"]?.numberValue?.text == "12345678901234567890")
    }
}
