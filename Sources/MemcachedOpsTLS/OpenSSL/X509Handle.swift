import COpenSSL

/// Owns one reference to an OpenSSL `X509` and frees it in `deinit`, exactly once.
///
/// `@unchecked Sendable` is safe because the pointer is immutable and the certificate is
/// never modified once a ``Certificate`` wraps the handle: the issuer fills in a new
/// certificate before wrapping it, on one thread. After that it is only read, encoded and
/// verified, and OpenSSL 3 guards the values it caches lazily inside an `X509` with a lock.
final class X509Handle: @unchecked Sendable {
    /// The `X509 *`.
    let pointer: OpaquePointer

    /// Takes ownership of one reference to `pointer`.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// Takes a new reference to `pointer`, which the caller keeps owning as well.
    ///
    /// - Returns: `nil` when OpenSSL could not take the reference.
    static func retaining(_ pointer: OpaquePointer) -> X509Handle? {
        guard X509_up_ref(pointer) == 1 else { return nil }
        return X509Handle(taking: pointer)
    }

    deinit {
        X509_free(pointer)
    }
}
