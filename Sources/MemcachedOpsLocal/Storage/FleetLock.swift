#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a fleet's directory, held while a file is read, changed and
/// written back, so two processes (or two tasks) never lose each other's changes.
///
/// It is an advisory `flock` on `DIR/.lock`. Each acquisition opens the file anew, so the
/// lock also separates tasks of one process. Critical sections are a few file operations
/// long; waiting for the lock blocks the calling thread for that long at most.
struct FleetLock: Sendable {
    /// The lock file.
    let path: String

    /// Runs `body` while holding the lock.
    ///
    /// - Throws: ``LocalFleetError`` when the lock file cannot be opened, and what `body`
    ///   throws.
    func withLock<Result>(
        _ body: () throws(LocalFleetError) -> Result
    ) throws(LocalFleetError) -> Result {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw LocalFleetError(
                .unwritableFile, path: path,
                detail: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw LocalFleetError(
                    .unwritableFile, path: path,
                    detail: "cannot lock: \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
