/// A failure of the local fleet: a file it could not read or write, a pod that would not
/// start, memcached missing from the machine.
///
/// The error says what failed (``code``), where (``path``, when a file is concerned) and
/// why (``detail``). It never holds key material.
public struct LocalFleetError: Error, Sendable, Hashable {
    /// What kind of failure this is.
    ///
    /// Codes are static constants rather than enum cases, so that new ones can be added
    /// without breaking code that switches over them.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A short, stable name, such as `podStartFailed`.
        public let rawValue: String

        /// The directory holds no fleet (no `fleet.json`).
        public static let notAFleet = Code(rawValue: "notAFleet")
        /// The directory already holds a fleet of another database.
        public static let alreadyExists = Code(rawValue: "alreadyExists")
        /// The memcached program is not installed.
        public static let memcachedMissing = Code(rawValue: "memcachedMissing")
        /// A file of the fleet could not be read or does not hold what it should.
        public static let unreadableFile = Code(rawValue: "unreadableFile")
        /// A file of the fleet could not be written.
        public static let unwritableFile = Code(rawValue: "unwritableFile")
        /// memcached would not start, or did not stop.
        public static let podFailed = Code(rawValue: "podFailed")
        /// Something else listens on a pod's port, so its memcached cannot.
        public static let portInUse = Code(rawValue: "portInUse")
        /// An issuer is missing or its CA cannot be used.
        public static let issuerFailed = Code(rawValue: "issuerFailed")
        /// A request does not fit the fleet, such as one for another namespace.
        public static let invalidRequest = Code(rawValue: "invalidRequest")
        /// The arguments given cannot work, such as zero replicas.
        public static let invalidArgument = Code(rawValue: "invalidArgument")

        /// The code's name.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public let code: Code

    /// The file or directory concerned, if any.
    public let path: String?

    /// Why it failed, in words.
    public let detail: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: What kind of failure this is.
    ///   - path: The file or directory concerned.
    ///   - detail: Why it failed.
    public init(_ code: Code, path: String? = nil, detail: String) {
        self.code = code
        self.path = path
        self.detail = detail
    }
}

extension LocalFleetError: CustomStringConvertible {
    /// Such as `/tmp/fleet/pods/mc-0/pod.json: cannot read the file: No such file`.
    public var description: String {
        guard let path else { return detail }
        return "\(path): \(detail)"
    }
}
