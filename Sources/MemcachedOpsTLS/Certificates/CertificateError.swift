/// A failure to read, parse, create or write a certificate or a private key.
///
/// The error names what failed, the file when there is one, and OpenSSL's own error texts.
/// It never contains key material: neither the key's bytes nor the text of a file that
/// holds one.
public struct CertificateError: Error, Sendable, Hashable {
    /// What kind of failure this is.
    ///
    /// Codes are static constants rather than enum cases so that new ones can be added
    /// without breaking code that switches over them.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A short, stable name for the code, such as `malformedCertificate`.
        public let rawValue: String

        /// A file could not be read.
        public static let unreadableFile = Code(rawValue: "unreadableFile")
        /// The input holds no certificate at all.
        public static let noCertificate = Code(rawValue: "noCertificate")
        /// The input holds something that looks like a certificate but does not parse.
        public static let malformedCertificate = Code(rawValue: "malformedCertificate")
        /// A certificate was expected, but the input holds a private key.
        public static let privateKeyNotCertificate = Code(rawValue: "privateKeyNotCertificate")
        /// The input holds no private key, or one that does not parse.
        public static let malformedPrivateKey = Code(rawValue: "malformedPrivateKey")
        /// The private key is encrypted with a passphrase, which is not supported.
        public static let encryptedPrivateKey = Code(rawValue: "encryptedPrivateKey")
        /// A certificate request was not valid, such as an unparsable IP address.
        public static let invalidRequest = Code(rawValue: "invalidRequest")
        /// A certificate and key cannot act as a CA: the key does not match, or the
        /// certificate is not a CA.
        public static let invalidAuthority = Code(rawValue: "invalidAuthority")
        /// Generating a key, building or signing a certificate failed inside OpenSSL.
        public static let issuingFailed = Code(rawValue: "issuingFailed")
        /// Encoding a certificate or a key as PEM or DER failed.
        public static let encodingFailed = Code(rawValue: "encodingFailed")
        /// A file could not be written.
        public static let unwritableFile = Code(rawValue: "unwritableFile")
        /// OpenSSL could not allocate memory.
        public static let outOfMemory = Code(rawValue: "outOfMemory")

        /// The code's name.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public let code: Code

    /// The file involved, if any.
    public let path: String?

    /// What went wrong, in words.
    public let detail: String

    /// The texts of OpenSSL's error queue at the time of the failure, oldest first.
    public let openSSLErrors: [String]

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - path: The file involved, if any.
    ///   - detail: What went wrong, in words; it must not contain key material.
    ///   - openSSLErrors: OpenSSL's error texts, if any.
    public init(_ code: Code, path: String? = nil, detail: String, openSSLErrors: [String] = []) {
        self.code = code
        self.path = path
        self.detail = detail
        self.openSSLErrors = openSSLErrors
    }

    /// An error carrying whatever OpenSSL queued on this thread, which it also clears.
    static func openSSL(_ code: Code, _ detail: String) -> CertificateError {
        CertificateError(code, detail: detail, openSSLErrors: OpenSSLErrorQueue.drain())
    }

    /// The same error, naming `path` as the file involved.
    func at(_ path: String) -> CertificateError {
        CertificateError(code, path: path, detail: detail, openSSLErrors: openSSLErrors)
    }
}

extension CertificateError: CustomStringConvertible {
    /// The file, the detail and OpenSSL's reasons on one line.
    public var description: String {
        var text = path.map { "\($0): " } ?? ""
        text += detail
        if !openSSLErrors.isEmpty {
            text += " (" + openSSLErrors.joined(separator: "; ") + ")"
        }
        return text
    }
}
