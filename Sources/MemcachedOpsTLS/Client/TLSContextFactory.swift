import COpenSSL
import COpenSSLShims

/// Makes the `SSL_CTX` for a ``TLSClientConfiguration``; `TLSContextCache` keeps it for
/// later connections with the same settings.
enum TLSContextFactory {
    /// Makes a client context: the minimum version, verification, trusted CAs and the
    /// client identity.
    ///
    /// - Parameters:
    ///   - configuration: The client's TLS settings.
    ///   - failure: Makes the error to throw from a code and a detail.
    /// - Returns: An `SSL_CTX` the caller must free.
    /// - Throws: What `failure` makes, when OpenSSL refuses a setting.
    static func make(
        _ configuration: TLSClientConfiguration,
        failure: (MemcachedClientError.Code, String) -> MemcachedClientError
    ) throws(MemcachedClientError) -> OpaquePointer {
        guard let method = TLS_client_method(), let context = SSL_CTX_new(method) else {
            throw failure(.handshakeFailed, "cannot make a TLS context")
        }
        do {
            try configure(context, configuration, failure: failure)
            return context
        } catch {
            SSL_CTX_free(context)
            throw error
        }
    }

    private static func configure(
        _ context: OpaquePointer,
        _ configuration: TLSClientConfiguration,
        failure: (MemcachedClientError.Code, String) -> MemcachedClientError
    ) throws(MemcachedClientError) {
        let version = configuration.minimumVersion == .tls13 ? TLS1_3_VERSION : TLS1_2_VERSION
        guard mcops_SSL_CTX_set_min_proto_version(context, version) == 1 else {
            throw failure(.invalidConfiguration, "cannot require \(configuration.minimumVersion)")
        }
        // Writes are retried from a Swift array whose address may change between attempts.
        _ = mcops_SSL_CTX_set_mode(context, Int(SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER))

        if configuration.verifiesServer {
            SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
            switch configuration.trustRoots {
            case .system:
                guard SSL_CTX_set_default_verify_paths(context) == 1 else {
                    throw failure(.invalidConfiguration, "cannot load the system's CAs")
                }
            case .certificates(let certificates):
                guard let store = SSL_CTX_get_cert_store(context) else {
                    throw failure(.invalidConfiguration, "the TLS context has no CA store")
                }
                for certificate in certificates {
                    _ = X509_STORE_add_cert(store, certificate.handle.pointer)
                }
                OpenSSLErrorQueue.clear()
            }
        } else {
            SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        }

        if let identity = configuration.clientIdentity {
            try useIdentity(identity, context, failure: failure)
        }
    }

    private static func useIdentity(
        _ identity: TLSClientConfiguration.ClientIdentity,
        _ context: OpaquePointer,
        failure: (MemcachedClientError.Code, String) -> MemcachedClientError
    ) throws(MemcachedClientError) {
        guard let certificate = identity.certificateChain.first else {
            throw failure(.invalidConfiguration, "the client identity has no certificate")
        }
        guard identity.privateKey.matches(certificate) else {
            throw failure(
                .invalidConfiguration,
                "the client key (\(identity.privateKey.info)) is not the key of the client "
                    + "certificate '\(certificate.subject)'")
        }
        guard SSL_CTX_use_certificate(context, certificate.handle.pointer) == 1,
            SSL_CTX_use_PrivateKey(context, identity.privateKey.handle.pointer) == 1
        else {
            throw failure(.invalidConfiguration, "cannot use the client certificate")
        }
        for intermediate in identity.certificateChain.dropFirst() {
            guard mcops_SSL_CTX_add1_chain_cert(context, intermediate.handle.pointer) == 1 else {
                throw failure(.invalidConfiguration, "cannot add a client chain certificate")
            }
        }
    }
}
