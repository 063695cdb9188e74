import MemcachedOps
import MemcachedOpsYAML
import Testing

/// One malformed or mistyped input and the error it must produce.
struct BadInput: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    let code: ManifestError.Code
    /// The field path the error must name, or `nil` for a syntax error.
    let path: String?
    /// A fragment the message must contain.
    let fragment: String

    var testDescription: String { name }
}

private let memcachedHead = "apiVersion: kubedb.com/v1\nkind: Memcached\nmetadata: {name: db}\n"
private let requestHead =
    "apiVersion: ops.kubedb.com/v1alpha1\nkind: MemcachedOpsRequest\nmetadata: {name: r}\n"

private func db(_ spec: String) -> String { memcachedHead + "spec:\n" + spec }
private func ops(_ spec: String) -> String { requestHead + "spec:\n" + spec }
private func tls(_ certificate: String) -> String {
    ops(
        "  type: ReconfigureTLS\n  databaseRef: {name: db}\n  tls:\n"
            + "    certificates:\n    - alias: server\n" + certificate)
}

let badInputs: [BadInput] = [
    // Types.
    BadInput(
        name: "replicas as a word", text: db("  version: '1'\n  replicas: three\n"),
        code: .typeMismatch, path: "spec.replicas", fragment: "expected an integer, found \"three\""
    ),
    BadInput(
        name: "replicas as a fraction", text: db("  version: '1'\n  replicas: 1.5\n"),
        code: .typeMismatch, path: "spec.replicas", fragment: "expected an integer"),
    BadInput(
        name: "replicas too large", text: db("  version: '1'\n  replicas: 4294967296\n"),
        code: .outOfRange, path: "spec.replicas", fragment: "32-bit"),
    BadInput(
        name: "replicas beyond 64 bits",
        text: db("  version: '1'\n  replicas: 99999999999999999999\n"),
        code: .outOfRange, path: "spec.replicas", fragment: "does not fit"),
    BadInput(
        name: "generation beyond 64 bits",
        text: "apiVersion: kubedb.com/v1\nkind: Memcached\nmetadata: {name: db, "
            + "generation: 9223372036854775808}\nspec: {version: '1'}\n",
        code: .outOfRange, path: "metadata.generation", fragment: "64-bit"),
    BadInput(
        name: "version as a number", text: db("  version: 1.6\n"),
        code: .typeMismatch, path: "spec.version", fragment: "expected a string, found number 1.6"),
    BadInput(
        name: "halted as a string", text: db("  version: '1'\n  halted: \"yes\"\n"),
        code: .typeMismatch, path: "spec.halted", fragment: "expected a boolean"),
    BadInput(
        name: "spec as a list", text: memcachedHead + "spec: [1]\n",
        code: .typeMismatch, path: "spec", fragment: "expected an object, found an array"),
    BadInput(
        name: "spec missing", text: memcachedHead,
        code: .missingField, path: "spec", fragment: "required"),
    BadInput(
        name: "tls as a string", text: db("  version: '1'\n  tls: on\n"),
        code: .typeMismatch, path: "spec.tls", fragment: "expected an object"),
    BadInput(
        name: "certificates as an object",
        text: db("  version: '1'\n  tls: {certificates: {alias: server}}\n"),
        code: .typeMismatch, path: "spec.tls.certificates", fragment: "expected an array"),
    BadInput(
        name: "certificate without alias",
        text: db("  version: '1'\n  tls:\n    certificates:\n    - secretName: x\n"),
        code: .missingField, path: "spec.tls.certificates[0].alias", fragment: "required"),
    BadInput(
        name: "issuerRef without name",
        text: db("  version: '1'\n  tls: {issuerRef: {kind: Issuer}}\n"),
        code: .missingField, path: "spec.tls.issuerRef.name", fragment: "required"),
    BadInput(
        name: "dnsNames element as a number", text: tls("      dnsNames: [a, 5]\n"),
        code: .typeMismatch, path: "spec.tls.certificates[0].dnsNames[1]",
        fragment: "expected a string, found number 5"),
    BadInput(
        name: "ipAddresses as a string", text: tls("      ipAddresses: 127.0.0.1\n"),
        code: .typeMismatch, path: "spec.tls.certificates[0].ipAddresses",
        fragment: "expected an array of strings"),
    BadInput(
        name: "subject organizations as a string",
        text: tls("      subject: {organizations: acme}\n"),
        code: .typeMismatch, path: "spec.tls.certificates[0].subject.organizations",
        fragment: "array of strings"),
    BadInput(
        name: "duration that does not parse", text: tls("      duration: 90days\n"),
        code: .invalidValue, path: "spec.tls.certificates[0].duration",
        fragment: "expected a duration"),
    BadInput(
        name: "duration as a number", text: tls("      duration: 3600\n"),
        code: .typeMismatch, path: "spec.tls.certificates[0].duration",
        fragment: "duration string"),
    BadInput(
        name: "renewBefore with a bad unit", text: tls("      renewBefore: 5x\n"),
        code: .invalidValue, path: "spec.tls.certificates[0].renewBefore",
        fragment: "\"5x\""),
    BadInput(
        name: "timeout that does not parse",
        text: ops("  type: Restart\n  databaseRef: {name: db}\n  timeout: soon\n"),
        code: .invalidValue, path: "spec.timeout", fragment: "expected a duration"),
    BadInput(
        name: "maxRetries as a string",
        text: ops("  type: Restart\n  databaseRef: {name: db}\n  maxRetries: '2'\n"),
        code: .typeMismatch, path: "spec.maxRetries", fragment: "expected an integer"),
    BadInput(
        name: "type as a list", text: ops("  type: [ReconfigureTLS]\n"),
        code: .typeMismatch, path: "spec.type", fragment: "\"ReconfigureTLS\""),
    BadInput(
        name: "remove as a string",
        text: ops("  type: ReconfigureTLS\n  databaseRef: {name: db}\n  tls: {remove: 'true'}\n"),
        code: .typeMismatch, path: "spec.tls.remove", fragment: "expected a boolean"),
    BadInput(
        name: "databaseRef as a string", text: ops("  type: Restart\n  databaseRef: db\n"),
        code: .typeMismatch, path: "spec.databaseRef", fragment: "expected an object"),
    BadInput(
        name: "labels with a number value",
        text: "apiVersion: kubedb.com/v1\nkind: Memcached\nmetadata:\n  name: db\n  labels:\n"
            + "    tier: 3\nspec: {version: '1'}\n",
        code: .typeMismatch, path: "metadata.labels.tier", fragment: "expected a string"),
    BadInput(
        name: "annotation key with dots",
        text: "apiVersion: kubedb.com/v1\nkind: Memcached\nmetadata:\n  name: db\n"
            + "  annotations:\n    example.com/x: [1]\nspec: {version: '1'}\n",
        code: .typeMismatch, path: "metadata.annotations[\"example.com/x\"]",
        fragment: "expected a string"),
    BadInput(
        name: "creationTimestamp not RFC 3339",
        text: "apiVersion: kubedb.com/v1\nkind: Memcached\nmetadata: {name: db, "
            + "creationTimestamp: '2024-13-01T00:00:00Z'}\nspec: {version: '1'}\n",
        code: .invalidValue, path: "metadata.creationTimestamp", fragment: "RFC 3339"),
    BadInput(
        name: "condition without status",
        text: db("  version: '1'\n") + "status:\n  conditions:\n  - type: Ready\n",
        code: .missingField, path: "status.conditions[0].status", fragment: "required"),
    BadInput(
        name: "conditions as an object",
        text: db("  version: '1'\n") + "status:\n  conditions: {type: Ready}\n",
        code: .typeMismatch, path: "status.conditions", fragment: "expected an array"),
    BadInput(
        name: "observedGeneration negative fraction",
        text: db("  version: '1'\n") + "status:\n  observedGeneration: -1.5\n",
        code: .typeMismatch, path: "status.observedGeneration", fragment: "integer"),
    BadInput(
        name: "secret value of the wrong type never quoted",
        text: "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: kubernetes.io/tls\n"
            + "data:\n  tls.key: [hunter2]\n",
        code: .typeMismatch, path: "data[\"tls.key\"]", fragment: "found an array"),

    // Kinds.
    BadInput(
        name: "unknown kind",
        text: "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n",
        code: .unsupportedKind, path: "kind", fragment: "\"Deployment\""),
    BadInput(
        name: "unknown API version of a known kind",
        text: "apiVersion: kubedb.com/v1alpha1\nkind: Memcached\nmetadata: {name: x}\n",
        code: .unsupportedKind, path: "apiVersion", fragment: "\"kubedb.com/v1alpha1\""),
    BadInput(
        name: "kind missing", text: "apiVersion: v1\nmetadata: {name: x}\n",
        code: .missingField, path: "kind", fragment: "apiVersion and kind"),
    BadInput(
        name: "apiVersion as a number", text: "apiVersion: 1\nkind: Secret\n",
        code: .typeMismatch, path: "apiVersion", fragment: "expected a string"),
    BadInput(
        name: "a document that is a scalar", text: "just text\n",
        code: .typeMismatch, path: "(root)", fragment: "expected an object"),
    BadInput(
        name: "a document that is a list", text: "- a\n- b\n",
        code: .typeMismatch, path: "(root)", fragment: "expected an object"),

    // Syntax and encoding.
    BadInput(
        name: "unclosed flow mapping", text: "apiVersion: v1\nkind: {Secret\n",
        code: .syntax, path: nil, fragment: ""),
    BadInput(
        name: "bad indentation", text: "a:\n  b: 1\n c: 2\n",
        code: .syntax, path: nil, fragment: ""),
    BadInput(
        name: "truncated JSON", text: "{\"apiVersion\": \"v1\", \"kind\": ",
        code: .syntax, path: nil, fragment: ""),
    BadInput(
        name: "JSON with a trailing comma", text: "{\"a\": 1,}",
        code: .syntax, path: nil, fragment: ""),
    BadInput(
        name: "NUL byte", text: "apiVersion: v1\u{0}\nkind: Secret\n",
        code: .encoding, path: nil, fragment: ""),
    BadInput(
        name: "duplicate key", text: db("  version: '1'\n  version: '2'\n"),
        code: .duplicateKey, path: "spec.version", fragment: "duplicate key"),
    BadInput(
        name: "tab indentation", text: "a:\n\tb: 1\n",
        code: .syntax, path: nil, fragment: ""),
]

@Suite("Bad input gets a clear error that names the place")
struct BadInputTests {
    @Test("each bad input reports its code and path", arguments: badInputs)
    func reports(input: BadInput) {
        do {
            let manifests = try ManifestFile.read(Array(input.text.utf8), file: "bad.yaml")
            Issue.record("expected an error, read \(manifests.count) manifest(s)")
        } catch {
            #expect(error.code == input.code, "\(error)")
            #expect(error.file == "bad.yaml")
            if let path = input.path {
                #expect(error.path.description == path, "\(error)")
            }
            if let line = error.line {
                #expect(error.description.hasPrefix("bad.yaml:\(line):"), "\(error)")
            } else {
                #expect(input.path != nil, "a syntax error has a line: \(error)")
                let shown = input.path == "(root)" ? "" : "\(input.path ?? ""): "
                #expect(error.description.hasPrefix("bad.yaml: \(shown)"), "\(error)")
            }
            if !input.fragment.isEmpty {
                #expect(error.message.contains(input.fragment), "\(error.message)")
            }
        }
    }

    @Test("the table holds at least forty inputs")
    func tableSize() {
        #expect(badInputs.count >= 40)
    }

    @Test("invalid UTF-8 is an encoding error with a line")
    func invalidUTF8() {
        var bytes = Array("apiVersion: v1\nkind: ".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        #expect {
            try ManifestFile.read(bytes, file: "bad.yaml")
        } throws: { error in
            guard let error = error as? ManifestError else { return false }
            return error.code == .encoding && error.line != nil
        }
    }

    @Test("an error in the second document names that document")
    func secondDocument() {
        let text = db("  version: '1'\n") + "---\n" + db("  replicas: x\n")
        #expect {
            try ManifestFile.read(Array(text.utf8), file: "two.yaml")
        } throws: { error in
            guard let error = error as? ManifestError else { return false }
            return error.documentIndex == 1
                && error.description == "two.yaml: document 2: spec.replicas: "
                    + "expected an integer, found \"x\""
        }
    }

    @Test("a secret's values never appear in errors or descriptions")
    func secretsStaySecret() throws {
        let text =
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\n"
            + "stringData:\n  password: 12345\n"
        do {
            _ = try ManifestFile.read(Array(text.utf8), file: "s.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("12345"))
        }
        let good =
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n"
            + "stringData:\n  password: hunter2\n"
        guard case .secret(let secret) = try #require(try Fixtures.read(good).first) else {
            Issue.record("expected a Secret")
            return
        }
        #expect(!String(describing: secret).contains("hunter2"))
        #expect(!String(reflecting: secret).contains("hunter2"))
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        #expect(secret.keys == ["password"])
    }
}
