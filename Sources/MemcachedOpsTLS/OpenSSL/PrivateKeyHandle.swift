import COpenSSL

/// Owns one reference to an OpenSSL `EVP_PKEY` and frees it in `deinit`, exactly once.
///
/// `@unchecked Sendable` is safe because the pointer is immutable and the key is never
/// modified after the handle takes it; OpenSSL 3 allows concurrent reads of one key
/// (signing, comparing, encoding) from several threads.
final class PrivateKeyHandle: @unchecked Sendable {
    /// The `EVP_PKEY *`.
    let pointer: OpaquePointer

    /// Takes ownership of one reference to `pointer`.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }
}
