import COpenSSL
import COpenSSLShims

/// Helpers for OpenSSL memory BIOs: bytes in, bytes out.
enum MemoryBIO {
    /// Calls `body` with a read-only BIO over `bytes`, freed when `body` returns.
    ///
    /// - Returns: What `body` returns, or `nil` when the BIO could not be made.
    static func reading<Result>(
        _ bytes: [UInt8],
        _ body: (OpaquePointer) throws(CertificateError) -> Result
    ) throws(CertificateError) -> Result {
        let outcome: Swift.Result<Result, CertificateError> = bytes.withUnsafeBytes { raw in
            guard let length = Int32(exactly: raw.count),
                let bio = BIO_new_mem_buf(raw.baseAddress, length)
            else {
                return .failure(
                    CertificateError(.outOfMemory, detail: "cannot hold the input in memory"))
            }
            defer { BIO_free(bio) }
            do throws(CertificateError) {
                return .success(try body(bio))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Calls `write` with an empty writable BIO and returns what it wrote.
    ///
    /// - Parameters:
    ///   - secure: Whether to keep the bytes in OpenSSL's secure heap (for key material),
    ///     which is cleared when freed.
    ///   - write: Writes into the BIO; returns `false` on failure.
    /// - Returns: The bytes written, or `nil` when writing failed.
    static func collecting(secure: Bool = false, _ write: (OpaquePointer) -> Bool) -> [UInt8]? {
        guard let method = secure ? BIO_s_secmem() : BIO_s_mem(),
            let bio = BIO_new(method)
        else { return nil }
        defer { BIO_free(bio) }
        guard write(bio) else { return nil }
        var data: UnsafeMutablePointer<CChar>?
        let count = mcops_BIO_get_mem_data(bio, &data)
        guard count >= 0 else { return nil }
        guard count > 0, let data else { return [] }
        return data.withMemoryRebound(to: UInt8.self, capacity: count) { pointer in
            Array(UnsafeBufferPointer(start: pointer, count: count))
        }
    }
}
