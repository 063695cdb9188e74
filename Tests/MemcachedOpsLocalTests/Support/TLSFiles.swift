import Foundation
import MemcachedOpsLocal
import MemcachedOpsTLS

/// Reading a fleet's certificate files the way a person would, by path.
enum TLSFiles {
    /// The secret directory of a Certificate.
    static func secret(_ test: TestFleet, certificate name: String) -> TLSSecretFiles {
        TLSSecretFiles(directory: test.fleet.directory + "/certificates/\(name)/secret")
    }

    /// The SHA-256 fingerprint of a Certificate's issued certificate.
    static func fingerprint(_ test: TestFleet, certificate name: String) -> String? {
        try? secret(test, certificate: name).readCertificateChain().first?.sha256FingerprintHex
    }

    /// The issuer's distinguished name of a Certificate's issued certificate.
    static func issuer(_ test: TestFleet, certificate name: String) -> String? {
        try? secret(test, certificate: name).readCertificateChain().first?.issuer.rfc2253
    }

    /// The Certificates that exist.
    static func certificateNames(_ test: TestFleet) -> [String] {
        let directory = test.fleet.directory + "/certificates"
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}
