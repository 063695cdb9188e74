import Foundation
import MemcachedOps

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading and writing the fleet's files: whole files, by atomic rename, with an owner.
///
/// Every file is written into a temporary file beside it and renamed into place, so a
/// reader in another process (`mcops local status`, memcached's `refresh_certs`) sees the
/// old file or the new one, never a part. Files are not synced to disk: the fleet is a
/// development tool, and a rename is enough for other processes to see whole files.
enum FleetFiles {
    /// Reads the file at `path`.
    ///
    /// - Throws: ``LocalFleetError`` with code `unreadableFile`.
    static func read(_ path: String) throws(LocalFleetError) -> [UInt8] {
        guard let bytes = try readIfPresent(path) else {
            throw LocalFleetError(.unreadableFile, path: path, detail: "the file does not exist")
        }
        return bytes
    }

    /// Reads the file at `path`, or returns `nil` when it does not exist.
    ///
    /// - Throws: ``LocalFleetError`` with code `unreadableFile` for any other failure.
    static func readIfPresent(_ path: String) throws(LocalFleetError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw failure(.unreadableFile, path, "cannot open the file")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(.unreadableFile, path, "cannot read the file")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk.prefix(count))
        }
    }

    /// Writes `bytes` to `path` by atomic rename.
    ///
    /// - Parameters:
    ///   - bytes: The new contents.
    ///   - path: The file to create or replace.
    ///   - mode: The file's permission bits.
    ///   - owner: The user to give the file to, if any.
    /// - Throws: ``LocalFleetError`` with code `unwritableFile`.
    static func write(
        _ bytes: [UInt8], to path: String, mode: mode_t = 0o644, owner: RunUser? = nil
    ) throws(LocalFleetError) {
        let temporary = try writeTemporary(bytes, beside: path, mode: mode, owner: owner)
        guard rename(temporary, path) == 0 else {
            let error = failure(.unwritableFile, path, "cannot rename the new file into place")
            unlink(temporary)
            throw error
        }
    }

    /// Writes `bytes` into a new temporary file in the directory of `path`, to be renamed
    /// over `path` later.
    ///
    /// - Returns: The temporary file's path.
    /// - Throws: ``LocalFleetError`` with code `unwritableFile`.
    static func writeTemporary(
        _ bytes: [UInt8], beside path: String, mode: mode_t, owner: RunUser?
    ) throws(LocalFleetError) -> String {
        let directory = parent(of: path)
        let name = String(path.split(separator: "/").last ?? "file")
        var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        guard fd >= 0 else {
            throw failure(.unwritableFile, path, "cannot create a temporary file beside it")
        }
        let temporary = String(
            decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(LocalFleetError) {
            defer { close(fd) }
            guard fchmod(fd, mode) == 0 else {
                throw failure(.unwritableFile, path, "cannot set the file's mode")
            }
            if let owner, fchown(fd, owner.uid, owner.gid) != 0 {
                throw failure(.unwritableFile, path, "cannot give the file to \(owner.name)")
            }
            var offset = 0
            while offset < bytes.count {
                let count = bytes.withUnsafeBytes { raw in
                    Glibc.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw failure(.unwritableFile, path, "cannot write the file")
                }
                offset += count
            }
        } catch {
            unlink(temporary)
            throw error
        }
        return temporary
    }

    /// Creates a directory and its missing parents.
    ///
    /// - Parameters:
    ///   - path: The directory.
    ///   - mode: The permission bits of directories created.
    ///   - owner: The user to give the last directory to, if any (also when it existed).
    /// - Throws: ``LocalFleetError`` with code `unwritableFile`.
    static func makeDirectory(
        _ path: String, mode: mode_t = 0o755, owner: RunUser? = nil
    ) throws(LocalFleetError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, mode) != 0 && errno != EEXIST {
                throw failure(.unwritableFile, current, "cannot create the directory")
            }
        }
        if let owner, chown(path, owner.uid, owner.gid) != 0 {
            throw failure(.unwritableFile, path, "cannot give the directory to \(owner.name)")
        }
    }

    /// Renames `source` over `destination`.
    ///
    /// - Throws: ``LocalFleetError`` with code `unwritableFile`.
    static func move(_ source: String, to destination: String) throws(LocalFleetError) {
        guard rename(source, destination) == 0 else {
            throw failure(.unwritableFile, destination, "cannot rename \(source) into place")
        }
    }

    /// Removes a file or a directory with everything in it; nothing when it is absent.
    ///
    /// - Throws: ``LocalFleetError`` with code `unwritableFile`.
    static func remove(_ path: String) throws(LocalFleetError) {
        guard exists(path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw LocalFleetError(
                .unwritableFile, path: path,
                detail: "cannot remove it: \(error.localizedDescription)")
        }
    }

    /// The names in a directory, sorted, without hidden entries; empty when it is absent.
    static func list(_ directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Whether `path` is an executable file.
    static func isExecutable(_ path: String) -> Bool {
        access(path, X_OK) == 0
    }

    /// The directory part of a path.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// The absolute form of a path, resolved against the current directory.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let current = FileManager.default.currentDirectoryPath
        return current.hasSuffix("/") ? current + path : current + "/" + path
    }

    // MARK: - Objects

    /// Reads a model from a JSON file, or returns `nil` when the file does not exist.
    ///
    /// - Throws: ``LocalFleetError`` with code `unreadableFile`, naming the field that is
    ///   wrong.
    static func readModel<Model: JSONRepresentable>(
        _ type: Model.Type, from path: String
    ) throws(LocalFleetError) -> Model? {
        guard let bytes = try readIfPresent(path) else { return nil }
        do {
            return try Model(json: try JSONReader.parse(bytes))
        } catch {
            throw LocalFleetError(.unreadableFile, path: path, detail: error.description)
        }
    }

    /// Writes a model as pretty JSON, by atomic rename.
    ///
    /// - Throws: ``LocalFleetError`` with code `unwritableFile`.
    static func writeModel(
        _ model: some JSONRepresentable, to path: String
    ) throws(LocalFleetError) {
        try write(JSONWriter.bytes(model.json, style: .pretty) + [10], to: path)
    }

    /// Reads a record from a JSON file, or returns `nil` when the file does not exist.
    ///
    /// - Throws: ``LocalFleetError`` with code `unreadableFile`.
    static func readRecord<Record: Decodable>(
        _ type: Record.Type, from path: String
    ) throws(LocalFleetError) -> Record? {
        guard let bytes = try readIfPresent(path) else { return nil }
        do {
            return try JSONDecoder().decode(Record.self, from: Data(bytes))
        } catch {
            throw LocalFleetError(
                .unreadableFile, path: path, detail: "not a valid \(Record.self): \(error)")
        }
    }

    /// Writes a record as pretty JSON with sorted keys, by atomic rename.
    ///
    /// - Throws: ``LocalFleetError`` with code `unwritableFile`.
    static func writeRecord(_ record: some Encodable, to path: String) throws(LocalFleetError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(record)
        } catch {
            throw LocalFleetError(.unwritableFile, path: path, detail: "cannot encode: \(error)")
        }
        try write(Array(data) + [10], to: path)
    }

    private static func failure(
        _ code: LocalFleetError.Code, _ path: String, _ what: String
    ) -> LocalFleetError {
        let reason = String(cString: strerror(errno))
        return LocalFleetError(code, path: path, detail: "\(what): \(reason)")
    }
}
