/// Helpers for memcached's text protocol replies and keys.
enum ReplyParser {
    /// The longest key memcached accepts, in bytes.
    static let maximumKeyLength = 250

    /// Throws for the three error replies: `ERROR`, `CLIENT_ERROR ...`, `SERVER_ERROR ...`.
    static func checkError(
        _ line: String, _ operation: String, _ connection: Connection
    ) throws(MemcachedClientError) {
        if line == "ERROR" || line.hasPrefix("ERROR ") {
            throw connection.failure(.unknownCommand, operation, "the server answered \(line)")
        }
        if line.hasPrefix("CLIENT_ERROR") {
            throw connection.failure(.clientError, operation, "the server answered \(line)")
        }
        if line.hasPrefix("SERVER_ERROR") {
            throw connection.failure(.serverError, operation, "the server answered \(line)")
        }
    }

    /// The error for a reply the protocol does not allow.
    static func unexpected(
        _ line: String, _ operation: String, _ connection: Connection
    ) -> MemcachedClientError {
        let shown = line.count > 80 ? String(line.prefix(80)) + "..." : line
        return connection.failure(.unexpectedReply, operation, "unexpected reply: \(shown)")
    }

    /// Parses `VALUE <key> <flags> <bytes> [<cas>]`.
    static func valueHeader(_ line: String) -> (flags: UInt32, length: Int)? {
        let parts = line.split(separator: " ")
        guard parts.count >= 4, parts[0] == "VALUE", let flags = UInt32(parts[2]),
            let length = Int(parts[3]), length >= 0
        else { return nil }
        return (flags, length)
    }

    /// Checks a key: 1 to 250 bytes, no spaces or control characters.
    ///
    /// - Returns: The key's bytes.
    static func validate(
        _ key: String, host: String, port: Int, operation: String
    ) throws(MemcachedClientError) -> [UInt8] {
        let bytes = Array(key.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumKeyLength,
            bytes.allSatisfy({ $0 > 32 && $0 != 127 })
        else {
            throw MemcachedClientError(
                .invalidKey, host: host, port: port, operation: operation,
                detail: "a key must be 1 to \(maximumKeyLength) bytes without spaces or "
                    + "control characters")
        }
        return bytes
    }
}
