#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading whole files, and writing them by atomic rename.
enum FileIO {
    /// Reads the file at `path`.
    ///
    /// - Throws: ``CertificateError`` with code `unreadableFile`, naming the file and the
    ///   system's reason.
    static func contents(of path: String) throws(CertificateError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(.unreadableFile, path, "cannot open the file") }
        defer { close(fd) }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(.unreadableFile, path, "cannot read the file")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk.prefix(count))
        }
    }

    /// Writes `bytes` to `path` so that a reader sees either the old file or the new one,
    /// never a part: into a temporary file in the same directory, synced, then renamed.
    ///
    /// - Parameters:
    ///   - bytes: The new contents.
    ///   - path: The file to replace or create.
    ///   - mode: The new file's permission bits, such as `0o600`.
    /// - Throws: ``CertificateError`` with code `unwritableFile`.
    static func writeAtomically(
        _ bytes: [UInt8], to path: String, mode: mode_t
    ) throws(CertificateError) {
        let (directory, name) = split(path)
        var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard fd >= 0 else {
            throw failure(.unwritableFile, path, "cannot create a temporary file beside it")
        }
        let temporary = CText.string(template)

        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            guard fchmod(fd, mode) == 0 else {
                throw failure(.unwritableFile, path, "cannot set the file's mode")
            }
            try writeAll(bytes, to: fd, path: path)
            guard fsync(fd) == 0 else {
                throw failure(.unwritableFile, path, "cannot sync the file")
            }
        }
        guard rename(temporary, path) == 0 else {
            throw failure(.unwritableFile, path, "cannot rename the new file into place")
        }
        succeeded = true
        syncDirectory(directory)
    }

    private static func writeAll(
        _ bytes: [UInt8], to fd: Int32, path: String
    ) throws(CertificateError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(.unwritableFile, path, "cannot write the file")
            }
            offset += count
        }
    }

    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Splits a path into its directory (`.` when there is none) and its last component.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// `directory` joined with `name`.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    private static func failure(
        _ code: CertificateError.Code, _ path: String, _ what: String
    ) -> CertificateError {
        let reason = SystemError.text(errno)
        return CertificateError(code, path: path, detail: "\(what): \(reason)")
    }
}
