import MemcachedOps
import MemcachedOpsTLS

/// Reading and writing the fleet's objects. Read-modify-write sequences hold the lock.
extension LocalFleet {
    // MARK: - The database

    /// The Memcached object as stored, with its spec and status.
    ///
    /// - Returns: The object.
    /// - Throws: ``LocalFleetError`` when `memcached.json` is missing or malformed.
    public func database() throws(LocalFleetError) -> Memcached {
        guard let database = try FleetFiles.readModel(Memcached.self, from: layout.databaseFile)
        else {
            throw LocalFleetError(
                .unreadableFile, path: layout.databaseFile,
                detail: "the Memcached object is missing")
        }
        return database
    }

    /// Changes the stored Memcached object under the lock.
    func updateDatabase(_ change: (inout Memcached) -> Void) throws(LocalFleetError) {
        try lock.withLock { () throws(LocalFleetError) in
            var database = try database()
            change(&database)
            try FleetFiles.writeModel(database, to: layout.databaseFile)
        }
    }

    // MARK: - Pods

    /// The pod records, in ordinal order.
    ///
    /// - Returns: Each pod's port, pid and configuration, as last recorded.
    /// - Throws: ``LocalFleetError`` when a record cannot be read.
    public func pods() throws(LocalFleetError) -> [LocalPod] {
        var pods: [LocalPod] = []
        for name in try database().podNames {
            if let pod = try pod(named: name) { pods.append(pod) }
        }
        return pods
    }

    /// The record of one pod, or `nil` when there is none.
    func pod(named name: String) throws(LocalFleetError) -> LocalPod? {
        try FleetFiles.readRecord(LocalPod.self, from: layout.podFile(name))
    }

    /// Writes a pod's record.
    func writePod(_ pod: LocalPod) throws(LocalFleetError) {
        try FleetFiles.writeRecord(pod, to: layout.podFile(pod.name))
    }

    /// Changes a pod's record under the lock and returns the new record.
    @discardableResult
    func updatePod(
        _ name: String, _ change: (inout LocalPod) -> Void
    ) throws(LocalFleetError) -> LocalPod {
        try lock.withLock { () throws(LocalFleetError) -> LocalPod in
            guard var pod = try pod(named: name) else {
                throw LocalFleetError(
                    .unreadableFile, path: layout.podFile(name), detail: "no such pod")
            }
            change(&pod)
            try writePod(pod)
            return pod
        }
    }

    // MARK: - Requests

    /// Every ops request recorded in the fleet, by name.
    ///
    /// - Returns: The requests with their status.
    /// - Throws: ``LocalFleetError`` when a request file is malformed.
    public func requests() throws(LocalFleetError) -> [MemcachedOpsRequest] {
        var requests: [MemcachedOpsRequest] = []
        for file in FleetFiles.list(layout.requestsDirectory) where file.hasSuffix(".json") {
            let path = layout.requestsDirectory + "/" + file
            if let request = try FleetFiles.readModel(MemcachedOpsRequest.self, from: path) {
                requests.append(request)
            }
        }
        return requests
    }

    /// The stored request with this name, or `nil`.
    func storedRequest(named name: String) throws(LocalFleetError) -> MemcachedOpsRequest? {
        try FleetFiles.readModel(MemcachedOpsRequest.self, from: layout.requestFile(name))
    }

    // MARK: - Issuers

    /// The names of the fleet's issuers.
    var issuerNames: [String] {
        FleetFiles.list(layout.issuersDirectory).filter {
            FleetFiles.exists(layout.issuerFile($0))
        }
    }

    /// The cert-manager issuer object with this name, or `nil`.
    func issuer(named name: String) throws(LocalFleetError) -> Issuer? {
        try FleetFiles.readModel(Issuer.self, from: layout.issuerFile(name))
    }

    /// The CA of the issuer an `issuerRef` names, or why it cannot issue.
    func authority(
        for reference: TypedLocalObjectReference
    ) -> Result<CertificateAuthority, IssuerProblem> {
        guard let issuer = try? issuer(named: reference.name), issuer.kind == reference.kind
        else {
            return .failure(
                IssuerProblem(
                    reason: "IssuerNotFound",
                    message: "referenced \"\(reference.kind)\" not found: "
                        + "\(reference.kind.lowercased()).cert-manager.io "
                        + "\"\(reference.name)\" not found"))
        }
        do {
            return .success(
                try CertificateAuthority.load(from: layout.issuerCADirectory(reference.name)))
        } catch {
            return .failure(
                IssuerProblem(
                    reason: "IssuerNotReady",
                    message: "the CA of \(reference.kind) \(reference.name) cannot be used: "
                        + error.description))
        }
    }

    /// Why an issuer cannot issue, in cert-manager's words.
    struct IssuerProblem: Error, Sendable {
        /// cert-manager's reason, such as `IssuerNotFound`.
        var reason: String
        /// What is wrong.
        var message: String
    }

    // MARK: - Certificates

    /// The names of the fleet's Certificates.
    var certificateNames: [String] {
        FleetFiles.list(layout.certificatesDirectory).filter {
            FleetFiles.exists(layout.certificateFile($0))
        }
    }

    /// The cert-manager Certificate with this name, or `nil`.
    func certificate(named name: String) throws(LocalFleetError) -> CertManagerCertificate? {
        try FleetFiles.readModel(CertManagerCertificate.self, from: layout.certificateFile(name))
    }

    /// The KubeDB settings a Certificate was last applied from, or `nil`.
    func certificateSource(named name: String) throws(LocalFleetError) -> CertificateSpec? {
        try FleetFiles.readModel(CertificateSpec.self, from: layout.certificateSourceFile(name))
    }

    /// The secret files of a Certificate.
    func secret(named name: String) -> TLSSecretFiles {
        TLSSecretFiles(directory: layout.secretDirectory(name))
    }

    /// The SHA-256 fingerprint of the certificate in `tls.crt` of a directory, or `nil`
    /// when it cannot be read.
    static func fingerprint(of files: TLSSecretFiles) -> String? {
        (try? files.readCertificateChain())?.first?.sha256FingerprintHex
    }
}
