import MemcachedOps

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads manifests in either JSON or YAML, choosing the reader from the content.
///
/// Input whose first character (after whitespace and a byte-order mark) is `{` or `[` is
/// read as a stream of JSON values with ``JSONReader``; anything else as a YAML stream with
/// ``YAMLReader``. Both give the same ``JSONValue`` documents, so callers need not care
/// which format a user wrote.
public enum DocumentReader {
    /// The format of a manifest.
    public enum Format: Sendable, Hashable {
        /// JSON: one value or several, one after another.
        case json
        /// YAML: one document or several, separated by `---`.
        case yaml
    }

    /// The format ``read(_:limits:)`` would read `bytes` as: JSON when the first character
    /// after whitespace and a byte-order mark is `{` or `[`, YAML otherwise.
    ///
    /// - Parameter bytes: The manifest's bytes.
    /// - Returns: The format.
    public static func format(of bytes: some Collection<UInt8>) -> Format {
        var iterator = bytes.makeIterator()
        var position = 0
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        while let byte = iterator.next() {
            defer { position += 1 }
            if position < 3, byte == byteOrderMark[position] { continue }
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
            default: return .yaml
            }
        }
        return .yaml
    }

    /// Reads every document of a JSON or YAML manifest.
    ///
    /// - Parameters:
    ///   - bytes: The manifest's UTF-8 bytes.
    ///   - limits: The bounds to enforce.
    /// - Returns: The non-empty documents, in order.
    /// - Throws: ``ManifestError`` from the reader the format chose.
    public static func read(_ bytes: some Collection<UInt8>, limits: ReadingLimits = .default)
        throws(ManifestError) -> [ParsedDocument]
    {
        switch format(of: bytes) {
        case .json: return try JSONReader.documents(bytes, limits: limits)
        case .yaml: return try YAMLReader.documents(bytes, limits: limits)
        }
    }

    /// Reads every document of the JSON or YAML manifest in a file.
    ///
    /// - Parameters:
    ///   - path: The file's path.
    ///   - limits: The bounds to enforce; a file larger than ``ReadingLimits/maxBytes`` is
    ///     not read.
    /// - Returns: The non-empty documents, in order.
    /// - Throws: ``ManifestError`` with its `file` set to `path`:
    ///   ``ManifestError/Code/unreadable`` when the file is missing or cannot be read, and
    ///   any error of ``read(_:limits:)``.
    public static func readFile(atPath path: String, limits: ReadingLimits = .default)
        throws(ManifestError) -> [ParsedDocument]
    {
        do {
            let bytes = try contents(ofFile: path, limit: limits.maxBytes)
            return try read(bytes, limits: limits)
        } catch {
            throw error.located(file: path, documentIndex: nil)
        }
    }

    /// The bytes of a file, reading at most one byte past `limit`.
    private static func contents(ofFile path: String, limit: Int)
        throws(ManifestError) -> [UInt8]
    {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw unreadable(path, errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unreadable(path, errno) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw unreadable(path, EISDIR) }
        if let error = ReadingLimits(maxBytes: limit).sizeError(byteCount: Int(status.st_size)) {
            throw error
        }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let count = chunk.withUnsafeMutableBytes { readChunk(descriptor, into: $0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable(path, errno)
            }
            bytes.append(contentsOf: chunk[..<count])
        }
        if let error = ReadingLimits(maxBytes: limit).sizeError(byteCount: bytes.count) {
            throw error
        }
        return bytes
    }

    private static func unreadable(_ path: String, _ code: Int32) -> ManifestError {
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return ManifestError(.unreadable, message: "cannot read \(path): \(reason)", file: path)
    }
}

/// One `read(2)` call; at file scope, where `read` means the system call.
private func readChunk(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}
