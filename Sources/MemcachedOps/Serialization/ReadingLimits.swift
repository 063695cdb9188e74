/// Bounds that keep reading untrusted manifests safe: size, nesting and YAML alias expansion.
///
/// Every reader checks these as it goes and stops with a ``ManifestError`` whose code is
/// ``ManifestError/Code/limitExceeded`` as soon as one is crossed, so a hostile or corrupt
/// input cannot make a reader run out of memory, time or stack.
public struct ReadingLimits: Sendable, Hashable {
    /// The deepest nesting of arrays and objects allowed; the default is 512.
    public var maxDepth: Int

    /// The largest input, in bytes; the default is 64 MiB.
    public var maxBytes: Int

    /// The most nodes a YAML stream may produce once aliases are expanded; the default is
    /// one million.
    ///
    /// Every scalar, sequence and mapping counts once, and an alias counts every node of
    /// the value it re-uses. The count is checked whenever an alias is expanded, so a large
    /// document without aliases is bounded by ``maxBytes`` alone, while an alias bomb
    /// ("billion laughs") stops early.
    public var maxAliasExpansion: Int

    /// The most documents one stream may hold; the default is 100,000.
    public var maxDocuments: Int

    /// Creates limits; omitted values take their defaults.
    ///
    /// - Parameters:
    ///   - maxDepth: The deepest nesting allowed.
    ///   - maxBytes: The largest input, in bytes.
    ///   - maxAliasExpansion: The most nodes a YAML stream may produce with aliases expanded.
    ///   - maxDocuments: The most documents one stream may hold.
    public init(
        maxDepth: Int = 512,
        maxBytes: Int = 64 << 20,
        maxAliasExpansion: Int = 1_000_000,
        maxDocuments: Int = 100_000
    ) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
        self.maxAliasExpansion = maxAliasExpansion
        self.maxDocuments = maxDocuments
    }

    /// The default limits, generous for any real Kubernetes manifest.
    public static let `default` = ReadingLimits()
}

extension ReadingLimits {
    /// The error for an input longer than ``maxBytes``, or `nil` when it fits.
    package func sizeError(byteCount: Int) -> ManifestError? {
        guard byteCount > maxBytes else { return nil }
        return ManifestError(
            .limitExceeded,
            message: "the input is \(byteCount) bytes, more than the limit of \(maxBytes)")
    }

    /// The error for nesting deeper than ``maxDepth``.
    package func depthError(line: Int?, column: Int?) -> ManifestError {
        ManifestError(
            .limitExceeded, message: "nesting is deeper than the limit of \(maxDepth) levels",
            line: line, column: column)
    }

    /// The error for a stream with more than ``maxDocuments`` documents.
    package func documentCountError(line: Int?) -> ManifestError {
        ManifestError(
            .limitExceeded,
            message: "the stream holds more than the limit of \(maxDocuments) documents",
            line: line)
    }
}
