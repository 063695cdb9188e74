import Foundation
import struct MemcachedOps.GoDuration
import MemcachedOpsTLS

// The `mcops cert ...` commands: inspect, verify, probe, ca, issue.

// MARK: - cert inspect

/// `mcops cert inspect FILE [--output text|json]`: shows a certificate or a chain.
struct CertificateInspectCommand: Subcommand {
    let path = ["cert", "inspect"]
    let summary = "Show a certificate's subject, names, dates and fingerprint"
    let help = """
        Usage: mcops cert inspect FILE [--output text|json]

        Shows a certificate file (PEM or DER, one certificate or a chain): subject and
        issuer, serial number, validity, DNS names and IP addresses, whether it is a CA,
        key usages, the public key, and the SHA-256 fingerprint. A private key file is
        refused without showing any of it.

        Options:
          --output text|json   The output format (default: text). JSON has the fields
                               subject, issuer, serialNumber, notBefore, notAfter,
                               dnsNames, ipAddresses, sha256, isCA, and more, on one
                               line; a chain's other certificates are under "chain".

        """

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        let command = "mcops cert inspect"
        let file: String
        let format: String
        do {
            let scanner = try ArgumentScanner(arguments, valueOptions: ["output"])
            format = try scanner.choice("output", ["text", "json"], default: "text")
            file = try CertificateCommandSupport.onePositional(scanner, "FILE")
        } catch {
            return CertificateCommandSupport.usage(command, error, io: io)
        }

        let chain: [Certificate]
        do {
            chain = try Certificate.load(contentsOf: file)
        } catch {
            return CertificateCommandSupport.fail(command, error, io: io)
        }

        if format == "json" {
            var object = CertificateCommandSupport.json(chain[0])
            object["chain"] = chain.dropFirst().map(CertificateCommandSupport.json)
            io.out(CertificateCommandSupport.encode(object))
        } else {
            for (index, certificate) in chain.enumerated() {
                if chain.count > 1 {
                    if index > 0 { io.line() }
                    io.line("Certificate \(index + 1) of \(chain.count):")
                }
                io.out(CertificateCommandSupport.text(certificate))
            }
        }
        return ExitCode.success
    }
}

// MARK: - cert verify

/// `mcops cert verify --ca CA [--host NAME] CERT`: verifies a certificate.
struct CertificateVerifyCommand: Subcommand {
    let path = ["cert", "verify"]
    let summary = "Verify a certificate against a CA, for host names, at a time"
    let help = """
        Usage: mcops cert verify --ca CA [--host NAME]... [--key KEY] [--at TIME] CERT

        Verifies CERT (a certificate, optionally followed by its intermediates) against
        the CA certificates in CA. Exits 0 when it is valid, 1 with every reason when it
        is not: expired, not yet valid, host mismatch, unknown issuer, key mismatch.

        Options:
          --ca CA       The CA bundle clients trust, such as ca.crt (required).
          --host NAME   A host name or IP address the certificate must name; repeatable.
          --key KEY     A private key that must be the certificate's key.
          --at TIME     Verify at this RFC 3339 time instead of now.

        """

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        let command = "mcops cert verify"
        let file: String
        let caFile: String
        let scanner: ArgumentScanner
        var time = Date()
        do {
            scanner = try ArgumentScanner(arguments, valueOptions: ["ca", "host", "key", "at"])
            file = try CertificateCommandSupport.onePositional(scanner, "CERT")
            guard let ca = scanner.value("ca") else {
                throw ArgumentScanner.UsageError(description: "--ca CA is required")
            }
            caFile = ca
            if let at = scanner.value("at") {
                guard let parsed = RFC3339.parse(at) else {
                    throw ArgumentScanner.UsageError(
                        description: "--at must be an RFC 3339 time, not \"\(at)\"")
                }
                time = parsed
            }
        } catch {
            return CertificateCommandSupport.usage(command, error, io: io)
        }

        let chain: [Certificate]
        let authorities: [Certificate]
        var key: PrivateKey?
        do {
            chain = try Certificate.load(contentsOf: file)
            authorities = try Certificate.load(contentsOf: caFile)
            key = try scanner.value("key").map { try PrivateKey.load(contentsOf: $0) }
        } catch {
            return CertificateCommandSupport.fail(command, error, io: io)
        }

        let result = CertificateVerifier(trustRoots: .certificates(authorities))
            .verify(chain, hosts: scanner.values("host"), privateKey: key, at: time)
        guard result.isValid else {
            io.line("\(file): not valid")
            for failure in result.failures { io.line("  - \(failure)") }
            return ExitCode.failure
        }
        io.line("\(file): valid")
        return ExitCode.success
    }
}

// MARK: - cert probe

/// `mcops cert probe HOST:PORT [--ca CA]`: shows what a memcached server presents.
struct CertificateProbeCommand: Subcommand {
    let path = ["cert", "probe"]
    let summary = "Connect to memcached over TLS and show the certificate it presents"
    let help = """
        Usage: mcops cert probe HOST:PORT [--ca CA] [--server-name NAME]
                                [--cert FILE --key FILE] [--timeout SECONDS]
                                [--output text|json]

        Connects to a memcached server over TLS, shows the certificate it presents and
        whether that certificate verifies, and asks the server's version. Exits 0 when
        the certificate verifies and the server answers, 1 otherwise.

        Options:
          --ca CA              The CA bundle to verify against (default: the system's).
          --server-name NAME   The name the certificate must carry (default: HOST).
          --cert FILE          A client certificate, for servers that require one.
          --key FILE           The client certificate's key.
          --timeout SECONDS    The limit for connecting and for the version (default: 5).
          --output text|json   The output format (default: text).

        """

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        let command = "mcops cert probe"
        let endpoint: (host: String, port: Int)
        let format: String
        let scanner: ArgumentScanner
        let timeout: Duration
        do {
            scanner = try ArgumentScanner(
                arguments,
                valueOptions: ["ca", "server-name", "cert", "key", "timeout", "output"])
            format = try scanner.choice("output", ["text", "json"], default: "text")
            endpoint = try Self.endpoint(
                try CertificateCommandSupport.onePositional(scanner, "HOST:PORT"))
            timeout = try Self.timeout(scanner.value("timeout"))
            if (scanner.value("cert") == nil) != (scanner.value("key") == nil) {
                throw ArgumentScanner.UsageError(description: "--cert and --key go together")
            }
        } catch {
            return CertificateCommandSupport.usage(command, error, io: io)
        }

        var tls = TLSClientConfiguration(verifiesServer: false)
        let trustRoots: TrustRoots
        do {
            trustRoots =
                try scanner.value("ca")
                .map { .certificates(try Certificate.load(contentsOf: $0)) } ?? .system
            if let certificate = scanner.value("cert"), let key = scanner.value("key") {
                tls.clientIdentity = .init(
                    certificateChain: try Certificate.load(contentsOf: certificate),
                    privateKey: try PrivateKey.load(contentsOf: key))
            }
        } catch {
            return CertificateCommandSupport.fail(command, error, io: io)
        }
        let serverName = scanner.value("server-name") ?? endpoint.host
        tls.serverName = scanner.value("server-name")

        // Connect without verifying, so the certificate can be shown whatever it is, then
        // verify what was presented.
        let client: MemcachedClient
        do {
            client = try await MemcachedClient.connect(
                host: endpoint.host, port: endpoint.port, tls: tls, timeout: timeout)
        } catch {
            return CertificateCommandSupport.fail(command, error, io: io)
        }
        let session = client.tlsSession
        let chain = session?.serverCertificateChain ?? []
        let result = CertificateVerifier(trustRoots: trustRoots)
            .verify(chain, hosts: [serverName])
        var version: String?
        var versionError: String?
        do {
            version = try await client.version()
        } catch {
            versionError = "\(error)"
        }
        await client.close()

        let report = ProbeReport(
            host: endpoint.host, port: endpoint.port, serverName: serverName,
            session: session, result: result, version: version, versionError: versionError)
        io.out(format == "json" ? report.json() : report.text())
        return result.isValid && version != nil ? ExitCode.success : ExitCode.failure
    }

    /// Splits `host:port` or `[v6]:port`.
    static func endpoint(_ text: String) throws(ArgumentScanner.UsageError)
        -> (host: String, port: Int)
    {
        var host = ""
        var portText = ""
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            portText = rest.hasPrefix(":") ? String(rest.dropFirst()) : ""
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = String(text[text.index(after: colon)...])
        }
        guard !host.isEmpty, let port = Int(portText), (1...65_535).contains(port) else {
            throw ArgumentScanner.UsageError(
                description: "expected HOST:PORT such as 127.0.0.1:11211, not \"\(text)\"")
        }
        return (host, port)
    }

    private static func timeout(_ text: String?) throws(ArgumentScanner.UsageError) -> Duration {
        guard let text else { return .seconds(5) }
        guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
            throw ArgumentScanner.UsageError(
                description: "--timeout must be a number of seconds, not \"\(text)\"")
        }
        return .milliseconds(Int64(seconds * 1000))
    }
}

/// What `cert probe` found, as text or JSON.
private struct ProbeReport {
    let host: String
    let port: Int
    let serverName: String
    let session: TLSSessionInfo?
    let result: VerificationResult
    let version: String?
    let versionError: String?

    func text() -> String {
        var lines: [String] = []
        let protocolText = session.map { "\($0.protocolVersion) (\($0.cipherSuite))" } ?? "-"
        lines.append("Connected:    \(host):\(port) with \(protocolText)")
        if let version {
            lines.append("memcached:    \(version)")
        } else {
            lines.append("memcached:    no answer: \(versionError ?? "unknown")")
        }
        lines.append("Verification: \(result.isValid ? "valid" : "not valid") for \(serverName)")
        for failure in result.failures { lines.append("  - \(failure)") }
        var text = lines.joined(separator: "\n") + "\n"
        let chain = session?.serverCertificateChain ?? []
        for (index, certificate) in chain.enumerated() {
            text += "\nPresented certificate \(index + 1) of \(chain.count):\n"
            text += CertificateCommandSupport.text(certificate)
        }
        return text
    }

    func json() -> String {
        let chain = session?.serverCertificateChain ?? []
        var object: [String: Any] = [
            "host": host,
            "port": port,
            "serverName": serverName,
            "protocol": session?.protocolVersion ?? NSNull(),
            "cipherSuite": session?.cipherSuite ?? NSNull(),
            "verified": result.isValid,
            "failures": result.failures.map { failure in
                ["reason": failure.reason.rawValue, "detail": failure.detail]
            },
            "version": version ?? NSNull(),
            "certificate": chain.first.map(CertificateCommandSupport.json) ?? NSNull(),
            "chain": chain.dropFirst().map(CertificateCommandSupport.json),
        ]
        if let versionError { object["versionError"] = versionError }
        return CertificateCommandSupport.encode(object)
    }
}

// MARK: - cert ca

/// `mcops cert ca --out DIR [--common-name NAME]`: creates a CA.
struct CertificateAuthorityCommand: Subcommand {
    let path = ["cert", "ca"]
    let summary = "Create a self-signed CA as tls.crt, tls.key and ca.crt"
    let help = """
        Usage: mcops cert ca --out DIR [--common-name NAME] [--organization ORG]...
                             [--duration DURATION] [--key-algorithm ALGORITHM] [--force]

        Creates a self-signed CA and writes it as a CA issuer's kubernetes.io/tls secret
        holds it: DIR/tls.crt, DIR/tls.key (mode 0600) and DIR/ca.crt.

        Options:
          --out DIR              The directory to write to (required).
          --common-name NAME     The CA's common name (default: mcops CA).
          --organization ORG     An organization; repeatable.
          --duration DURATION    The lifetime as a Go duration (default: 87600h, 10 years).
          --key-algorithm ALG    ecdsa-p256 (default), rsa-2048 or rsa-4096.
          --force                Replace a CA already in DIR.

        """

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        let command = "mcops cert ca"
        let request: CertificateRequest
        let directory: String
        let scanner: ArgumentScanner
        do {
            scanner = try ArgumentScanner(
                arguments,
                valueOptions: ["out", "common-name", "organization", "duration", "key-algorithm"],
                flagOptions: ["force"])
            guard scanner.positionals.isEmpty else {
                throw ArgumentScanner.UsageError(
                    description: "unexpected argument \(scanner.positionals[0])")
            }
            directory = try CertificateCommandSupport.required(scanner, "out", "DIR")
            request = CertificateRequest(
                commonName: scanner.value("common-name") ?? "mcops CA",
                organizations: scanner.values("organization"),
                duration: try CertificateCommandSupport.duration(
                    scanner.value("duration"), default: .seconds(87_600 * 3600)),
                keyAlgorithm: try CertificateCommandSupport.keyAlgorithm(scanner),
                isCA: true)
        } catch {
            return CertificateCommandSupport.usage(command, error, io: io)
        }

        let files = TLSSecretFiles(directory: directory)
        if !scanner.flag("force") && FileManager.default.fileExists(atPath: files.privateKeyPath) {
            io.errorLine(
                "\(command): \(files.privateKeyPath) already exists; use --force to replace it")
            return ExitCode.failure
        }
        do {
            let authority = try CertificateAuthority.create(request)
            try authority.write(to: directory)
            io.line("Created CA \(authority.certificate.subject.rfc2253)")
            io.line("  valid until \(RFC3339.format(authority.certificate.notAfter))")
            io.line("  sha256 \(authority.certificate.sha256FingerprintHex)")
            io.line("Wrote \(files.certificatePath), \(files.privateKeyPath), \(files.caPath)")
        } catch {
            return CertificateCommandSupport.fail(command, error, io: io)
        }
        return ExitCode.success
    }
}

// MARK: - cert issue

/// `mcops cert issue --ca-dir DIR --out DIR --dns NAME... --ip IP...`: issues a
/// certificate.
struct CertificateIssueCommand: Subcommand {
    let path = ["cert", "issue"]
    let summary = "Issue a certificate from a CA directory as tls.crt, tls.key and ca.crt"
    let help = """
        Usage: mcops cert issue --ca-dir DIR --out DIR [--common-name NAME] [--dns NAME]...
                                [--ip IP]... [--uri URI]... [--email ADDRESS]...
                                [--organization ORG]... [--duration DURATION]
                                [--key-algorithm ALGORITHM] [--key-encoding PKCS1|PKCS8]

        Issues a certificate from the CA in --ca-dir (tls.crt and tls.key, as 'mcops cert
        ca' writes them) and writes it as a kubernetes.io/tls secret holds it:
        DIR/tls.crt, DIR/tls.key (mode 0600) and DIR/ca.crt. The certificate may serve
        TLS and act as a TLS client.

        Options:
          --ca-dir DIR           The CA's directory (required).
          --out DIR              The directory to write to (required).
          --common-name NAME     The subject's common name.
          --dns NAME             A DNS name; repeatable.
          --ip IP                An IP address; repeatable.
          --uri URI              A URI; repeatable.
          --email ADDRESS        An e-mail address; repeatable.
          --organization ORG     An organization; repeatable.
          --duration DURATION    The lifetime as a Go duration (default: 2160h, 90 days).
          --key-algorithm ALG    ecdsa-p256 (default), rsa-2048 or rsa-4096.
          --key-encoding ENC     PKCS1 (default, as KubeDB) or PKCS8.

        """

    func run(_ arguments: [String], io: any CommandIO) async -> Int32 {
        let command = "mcops cert issue"
        let request: CertificateRequest
        let caDirectory: String
        let directory: String
        do {
            let scanner = try ArgumentScanner(
                arguments,
                valueOptions: [
                    "ca-dir", "out", "common-name", "dns", "ip", "uri", "email", "organization",
                    "duration", "key-algorithm", "key-encoding",
                ])
            guard scanner.positionals.isEmpty else {
                throw ArgumentScanner.UsageError(
                    description: "unexpected argument \(scanner.positionals[0])")
            }
            caDirectory = try CertificateCommandSupport.required(scanner, "ca-dir", "DIR")
            directory = try CertificateCommandSupport.required(scanner, "out", "DIR")
            let encoding = try scanner.choice(
                "key-encoding", ["PKCS1", "PKCS8"], default: PrivateKeyEncoding.pkcs1.rawValue)
            request = CertificateRequest(
                commonName: scanner.value("common-name"),
                organizations: scanner.values("organization"),
                dnsNames: scanner.values("dns"), ipAddresses: scanner.values("ip"),
                uris: scanner.values("uri"), emailAddresses: scanner.values("email"),
                duration: try CertificateCommandSupport.duration(
                    scanner.value("duration"), default: CertificateRequest.defaultDuration),
                keyAlgorithm: try CertificateCommandSupport.keyAlgorithm(scanner),
                privateKeyEncoding: PrivateKeyEncoding(rawValue: encoding) ?? .pkcs1)
        } catch {
            return CertificateCommandSupport.usage(command, error, io: io)
        }

        do {
            let authority = try CertificateAuthority.load(from: caDirectory)
            let issued = try authority.issue(request)
            let files = try issued.write(to: directory)
            let certificate = issued.certificate
            io.line("Issued \(certificate.subject.rfc2253) by \(certificate.issuer.rfc2253)")
            let names =
                certificate.dnsNames + certificate.ipAddresses + certificate.uris
                + certificate.emailAddresses
            io.line("  names \(names.isEmpty ? "-" : names.joined(separator: ", "))")
            io.line("  valid until \(RFC3339.format(certificate.notAfter))")
            io.line("  sha256 \(certificate.sha256FingerprintHex)")
            io.line("Wrote \(files.certificatePath), \(files.privateKeyPath), \(files.caPath)")
        } catch {
            return CertificateCommandSupport.fail(command, error, io: io)
        }
        return ExitCode.success
    }
}

// MARK: - Shared

/// What the certificate commands share: argument helpers, output, errors.
enum CertificateCommandSupport {
    /// Reports a usage error and returns exit status 2.
    static func usage(_ command: String, _ error: any Error, io: any CommandIO) -> Int32 {
        io.errorLine("\(command): \(error)")
        io.errorLine("See '\(command) --help'.")
        return ExitCode.usage
    }

    /// Reports a failure and returns exit status 1. Certificate errors name the file and
    /// never hold key material; a private key given as a certificate is named as such.
    static func fail(_ command: String, _ error: any Error, io: any CommandIO) -> Int32 {
        if let error = error as? CertificateError, error.code == .privateKeyNotCertificate {
            let file = error.path ?? "the input"
            io.errorLine(
                "\(command): \(file) holds a private key, not a certificate; "
                    + "refusing to show it")
        } else {
            io.errorLine("\(command): \(error)")
        }
        return ExitCode.failure
    }

    /// The one positional argument.
    static func onePositional(_ scanner: ArgumentScanner, _ name: String)
        throws(ArgumentScanner.UsageError) -> String
    {
        guard let first = scanner.positionals.first else {
            throw ArgumentScanner.UsageError(description: "missing \(name)")
        }
        guard scanner.positionals.count == 1 else {
            throw ArgumentScanner.UsageError(
                description: "expected one \(name), got \(scanner.positionals.count)")
        }
        return first
    }

    /// The value of a required option.
    static func required(_ scanner: ArgumentScanner, _ option: String, _ name: String)
        throws(ArgumentScanner.UsageError) -> String
    {
        guard let value = scanner.value(option), !value.isEmpty else {
            throw ArgumentScanner.UsageError(description: "--\(option) \(name) is required")
        }
        return value
    }

    /// `--key-algorithm`.
    static func keyAlgorithm(_ scanner: ArgumentScanner) throws(ArgumentScanner.UsageError)
        -> KeyAlgorithm
    {
        let names = KeyAlgorithm.allCases.map(\.rawValue)
        let name = try scanner.choice("key-algorithm", names, default: names[0])
        return KeyAlgorithm(rawValue: name) ?? .ecdsaP256
    }

    /// Parses a positive Go duration such as `2160h0m0s`, `90m` or `3600s`.
    static func duration(_ text: String?, default fallback: Duration)
        throws(ArgumentScanner.UsageError) -> Duration
    {
        guard let text else { return fallback }
        guard let duration = GoDuration(text), duration.nanoseconds > 0 else {
            throw ArgumentScanner.UsageError(
                description: "expected a duration such as 2160h or 90m, not \"\(text)\"")
        }
        return .nanoseconds(duration.nanoseconds)
    }

    /// A certificate as a JSON object.
    static func json(_ certificate: Certificate) -> [String: Any] {
        [
            "subject": certificate.subject.rfc2253,
            "issuer": certificate.issuer.rfc2253,
            "serialNumber": certificate.serialNumber,
            "notBefore": RFC3339.format(certificate.notBefore),
            "notAfter": RFC3339.format(certificate.notAfter),
            "dnsNames": certificate.dnsNames,
            "ipAddresses": certificate.ipAddresses,
            "uris": certificate.uris,
            "emailAddresses": certificate.emailAddresses,
            "sha256": certificate.sha256FingerprintHex,
            "isCA": certificate.isCA,
            "keyUsage": certificate.keyUsage?.names ?? [],
            "extendedKeyUsage": certificate.extendedKeyUsage?.names ?? [],
            "publicKey": certificate.publicKey.description,
        ]
    }

    /// A certificate as aligned text, one field a line.
    static func text(_ certificate: Certificate) -> String {
        func list(_ values: [String]) -> String {
            values.isEmpty ? "-" : values.joined(separator: ", ")
        }
        let now = Date()
        var validity = ""
        if now > certificate.notAfter {
            validity = " (expired)"
        } else if now < certificate.notBefore {
            validity = " (not yet valid)"
        }
        var rows: [(String, String)] = [
            ("Subject", certificate.subject.rfc2253),
            ("Issuer", certificate.issuer.rfc2253),
            ("Serial", certificate.serialNumber),
            ("Not before", RFC3339.format(certificate.notBefore)),
            ("Not after", RFC3339.format(certificate.notAfter) + validity),
            ("DNS names", list(certificate.dnsNames)),
            ("IP addresses", list(certificate.ipAddresses)),
        ]
        if !certificate.uris.isEmpty { rows.append(("URIs", list(certificate.uris))) }
        if !certificate.emailAddresses.isEmpty {
            rows.append(("E-mail", list(certificate.emailAddresses)))
        }
        rows += [
            ("CA", certificate.isCA ? "yes" : "no"),
            ("Key usage", list(certificate.keyUsage?.names ?? [])),
            ("Extended usage", list(certificate.extendedKeyUsage?.names ?? [])),
            ("Public key", certificate.publicKey.description),
            ("SHA-256", certificate.sha256FingerprintHex),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { name, value in
            name + ":" + String(repeating: " ", count: width - name.count + 2) + value + "\n"
        }.joined()
    }

    /// Encodes a JSON object on one line with sorted keys, ending in a newline.
    static func encode(_ object: [String: Any]) -> String {
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: options)
        else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
