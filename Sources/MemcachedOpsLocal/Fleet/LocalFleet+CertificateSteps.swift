import MemcachedOps
import MemcachedOpsTLS

/// The certificate steps, and the fleet's stand-in for cert-manager, which issues what is
/// marked for issue through the issuer's CA.
extension LocalFleet {
    /// Marks every Certificate for re-issue (an `Issuing` condition) and issues each again.
    ///
    /// Each Certificate remembers the request that marked it, so marking again for the
    /// same request (after a crash before the status was written) issues nothing twice.
    func reissueCertificates(
        for request: MemcachedOpsRequest, plan: Plan
    ) throws(LocalFleetError) -> StepOutcome {
        let marker = "\(request.namespace)/\(request.name)"
        let marked = try lock.withLock { () throws(LocalFleetError) -> [String] in
            var marked: [String] = []
            for name in certificateNames {
                guard var certificate = try certificate(named: name),
                    certificate.metadata.annotations?[CertificateIssuing.reissuedByAnnotation]
                        != marker
                else { continue }
                var annotations = certificate.metadata.annotations ?? StringMap()
                annotations[CertificateIssuing.reissuedByAnnotation] = marker
                certificate.metadata.annotations = annotations
                certificate.status = CertificateIssuing.issuingStatus(
                    certificate.status,
                    message: "Issuing certificate as it was marked for re-issue by \(marker)",
                    now: FleetClock.now())
                try FleetFiles.writeModel(certificate, to: layout.certificateFile(name))
                marked.append(name)
            }
            return marked
        }
        try issuePending(marked)
        return .completed
    }

    /// Creates or updates the Certificate from the plan's desired settings, and issues it.
    ///
    /// A Certificate already made from the same settings is left alone (unless it still
    /// waits to be issued).
    func applyCertificate(_ name: String, plan: Plan) throws(LocalFleetError) -> StepOutcome {
        guard let desired = plan.desiredCertificate(named: name) else {
            return .failed("the desired TLS configuration has no certificate \(name)")
        }
        let database = try database()
        try lock.withLock { () throws(LocalFleetError) in
            let existing = try certificate(named: name)
            if existing != nil, try certificateSource(named: name) == desired { return }
            try FleetFiles.makeDirectory(layout.certificateDirectory(name))
            var resource = CertificateIssuing.resource(
                for: desired, name: name, database: database, existing: existing)
            resource.status = CertificateIssuing.issuingStatus(
                resource.status,
                message: existing == nil
                    ? "Issuing certificate as Secret does not exist"
                    : "Issuing certificate as its spec changed",
                now: FleetClock.now())
            try FleetFiles.writeModel(desired, to: layout.certificateSourceFile(name))
            try FleetFiles.writeModel(resource, to: layout.certificateFile(name))
        }
        try issuePending([name])
        return .completed
    }

    /// Issues what still waits, then reports whether every desired certificate is issued:
    /// `Ready`, not `Issuing`, its secret present.
    func waitForCertificates(_ plan: Plan) throws(LocalFleetError) -> StepOutcome {
        try issuePending(nil)
        for desired in plan.desiredTLS?.certificates ?? [] {
            guard let name = desired.secretName, let certificate = try certificate(named: name),
                certificate.isReady, !certificate.isIssuing,
                FleetFiles.exists(secret(named: name).certificatePath)
            else { return .pending }
        }
        return .completed
    }

    /// Deletes a Certificate and its secret, unless a pod still mounts it.
    func deleteCertificate(_ name: String) throws(LocalFleetError) -> StepOutcome {
        for pod in try pods() where pod.mountedCertificates.contains(name) {
            return .failed("certificate \(name) is still mounted by \(pod.name)")
        }
        try lock.withLock { () throws(LocalFleetError) in
            try FleetFiles.remove(layout.certificateDirectory(name))
        }
        return .completed
    }

    /// Issues every Certificate (of `names`, or all) that is marked `Issuing`, is not
    /// `Ready`, or lacks its secret, as cert-manager would: through its issuer's CA, into
    /// its secret. A Certificate whose issuer is missing or unusable stays not `Ready`,
    /// with cert-manager's reason.
    func issuePending(_ names: [String]?) throws(LocalFleetError) {
        let database = try database()
        try lock.withLock { () throws(LocalFleetError) in
            for name in names ?? certificateNames {
                guard var certificate = try certificate(named: name),
                    let source = try certificateSource(named: name)
                else { continue }
                let secret = secret(named: name)
                let secretPresent = FleetFiles.exists(secret.certificatePath)
                guard certificate.isIssuing || !certificate.isReady || !secretPresent else {
                    continue
                }
                certificate.status = issue(name, from: source, database: database, certificate)
                try FleetFiles.writeModel(certificate, to: layout.certificateFile(name))
            }
        }
    }

    /// Issues one certificate into its secret and returns the Certificate's new status.
    private func issue(
        _ name: String, from source: CertificateSpec, database: Memcached,
        _ certificate: CertManagerCertificate
    ) -> CertificateResourceStatus {
        let now = FleetClock.now()
        guard let reference = source.issuerRef else {
            return CertificateIssuing.failedStatus(
                certificate.status, reason: "IssuerNotFound",
                message: "the certificate names no issuer", now: now)
        }
        let authority: CertificateAuthority
        switch self.authority(for: reference) {
        case .success(let found):
            authority = found
        case .failure(let problem):
            logger.log(.info, "cannot issue \(name): \(problem.message)", metadata)
            return CertificateIssuing.failedStatus(
                certificate.status, reason: problem.reason, message: problem.message, now: now)
        }
        do {
            let issued = try authority.issue(
                CertificateIssuing.request(for: source, database: database.name))
            try issued.write(to: layout.secretDirectory(name))
            var metadata = self.metadata
            metadata["mcops.certificate"] = name
            logger.log(
                .info,
                "issued \(name) from \(reference.kind)/\(reference.name): "
                    + issued.certificate.sha256FingerprintHex,
                metadata)
            return CertificateIssuing.issuedStatus(
                certificate.status, certificate: issued.certificate, now: now)
        } catch {
            return CertificateIssuing.failedStatus(
                certificate.status, reason: "Failed", message: "issuing failed: \(error)",
                now: now)
        }
    }
}
