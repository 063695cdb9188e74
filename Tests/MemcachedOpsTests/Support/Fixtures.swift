import Foundation
import MemcachedOps
import MemcachedOpsYAML

/// The KubeDB sample manifests copied from the docs, as test resources.
enum Fixtures {
    /// The folder holding the fixtures.
    static var directory: URL {
        get throws {
            guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
                throw FixtureMissing(name: "Fixtures")
            }
            return url
        }
    }

    /// The path of one fixture file.
    static func path(_ name: String) throws -> String {
        try directory.appendingPathComponent(name).path
    }

    /// The names of every YAML fixture.
    static let yamlNames = [
        "issuer.yaml", "mc-add-tls.yaml", "mc-change-issuer.yaml", "mc-new-issuer.yaml",
        "mc-ops-rotate.yaml", "mc-ops-tls-remove.yaml", "mc-tls.yaml",
        "memcached-ready-status.yaml", "memcached.yaml",
    ]

    /// Reads the only manifest of a fixture.
    static func manifest(_ name: String) throws -> Manifest {
        let manifests = try ManifestFile.read(atPath: path(name))
        guard manifests.count == 1, let only = manifests.first else {
            throw FixtureMissing(name: name)
        }
        return only
    }

    /// Reads a fixture that holds a Memcached.
    static func memcached(_ name: String) throws -> Memcached {
        guard case .memcached(let database) = try manifest(name) else {
            throw FixtureMissing(name: name)
        }
        return database
    }

    /// Reads a fixture that holds an ops request.
    static func opsRequest(_ name: String) throws -> MemcachedOpsRequest {
        guard case .opsRequest(let request) = try manifest(name) else {
            throw FixtureMissing(name: name)
        }
        return request
    }

    /// Reads YAML text given inline in a test.
    static func read(_ yaml: String) throws -> [Manifest] {
        try ManifestFile.read(Array(yaml.utf8), file: "inline.yaml")
    }
}

/// A fixture that is absent or of another kind than the test expects.
struct FixtureMissing: Error, CustomStringConvertible {
    let name: String
    var description: String { "fixture \(name) is missing or of another kind" }
}
