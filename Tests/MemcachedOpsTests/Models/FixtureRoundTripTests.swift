import MemcachedOps
import MemcachedOpsYAML
import Testing

@Suite("KubeDB's sample manifests")
struct FixtureRoundTripTests {
    @Test("every sample decodes to its typed model", arguments: Fixtures.yamlNames)
    func decodes(name: String) throws {
        let manifest = try Fixtures.manifest(name)
        let expectedKind: String
        switch manifest {
        case .memcached: expectedKind = "Memcached"
        case .opsRequest: expectedKind = "MemcachedOpsRequest"
        case .issuer: expectedKind = "Issuer"
        case .certificate: expectedKind = "Certificate"
        case .secret: expectedKind = "Secret"
        }
        #expect(manifest.kind == expectedKind)
        #expect(manifest.metadata.namespace == "demo")
    }

    @Test("every sample passes admission without errors", arguments: Fixtures.yamlNames)
    func validates(name: String) throws {
        let violations = Admission.validate(try Fixtures.manifest(name))
        #expect(violations.filter(\.isError) == [])
    }

    @Test("typed encoding gives back the document exactly", arguments: Fixtures.yamlNames)
    func typedRoundTrip(name: String) throws {
        let documents = try DocumentReader.readFile(atPath: Fixtures.path(name))
        let original = try #require(documents.first?.value)
        let manifest = try Manifest(json: original)
        #expect(manifest.json == original)
        #expect(try Manifest(json: manifest.json) == manifest)
    }

    @Test("JSON text reads back equal", arguments: Fixtures.yamlNames)
    func jsonRoundTrip(name: String) throws {
        let manifest = try Fixtures.manifest(name)
        let text = JSONWriter.string(manifest.json, style: .pretty)
        let reread = try ManifestFile.read(Array(text.utf8), file: "\(name).json")
        #expect(reread == [manifest])
        #expect(reread.first?.json == manifest.json)
    }

    @Test("YAML text reads back equal", arguments: Fixtures.yamlNames)
    func yamlRoundTrip(name: String) throws {
        let manifest = try Fixtures.manifest(name)
        let text = YAMLWriter.string([manifest.json])
        let reread = try ManifestFile.read(Array(text.utf8), file: name)
        #expect(reread.first?.json == manifest.json)
    }

    @Test("the status sample's typed fields are read exactly")
    func statusSample() throws {
        let database = try Fixtures.memcached("memcached-ready-status.yaml")
        #expect(database.apiVersion == "kubedb.com/v1")
        #expect(database.spec.version == "1.6.40")
        #expect(database.spec.replicas == 1)
        #expect(database.spec.deletionPolicy == .doNotTerminate)
        #expect(database.spec.healthChecker?.periodSeconds == 10)
        #expect(database.metadata.generation == 1)
        #expect(database.metadata.finalizers == ["kubedb.com"])
        #expect(database.metadata.creationTimestamp?.text == "2024-08-22T13:54:45Z")
        let status = try #require(database.status)
        #expect(status.phase == .ready)
        #expect(
            status.conditions?.map(\.type)
                == [
                    "ProvisioningStarted", "ReplicaReady", "AcceptingConnection", "Ready",
                    "Provisioned",
                ])
        #expect(status.conditions?.isTrue("Ready") == true)
        #expect(database.spec.podTemplate?["spec"]?["serviceAccountName"] == "memcd-quickstart")
    }

    @Test("the add-TLS request's TLS section is read exactly")
    func addTLSSample() throws {
        let request = try Fixtures.opsRequest("mc-add-tls.yaml")
        #expect(request.spec.type == .reconfigureTLS)
        #expect(request.spec.databaseRef?.name == "memcd-quickstart")
        let tls = try #require(request.spec.tls)
        #expect(
            tls.issuerRef
                == TypedLocalObjectReference(
                    apiGroup: "cert-manager.io", kind: "Issuer", name: "memcached-ca-issuer"))
        #expect(tls.certificates?.first?.alias == "client")
        #expect(tls.certificates?.first?.subject?.organizations == ["memcached"])
        #expect(tls.certificates?.first?.subject?.organizationalUnits == ["client"])
    }

    @Test("a database with TLS keeps its certificate addresses")
    func tlsSample() throws {
        let database = try Fixtures.memcached("mc-tls.yaml")
        #expect(
            database.spec.tls?.certificate(alias: "client")?.ipAddresses
                == ["127.0.0.1", "192.168.0.252"])
        #expect(database.spec.deletionPolicy == .wipeOut)
    }
}
