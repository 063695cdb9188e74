import COpenSSL
import Synchronization

/// The `SSL_CTX`s made for recent client configurations, so that connections with the same
/// settings share one context instead of each building its own and loading its trust store
/// and identity again.
///
/// A context is looked up by what it was built from: the minimum version, whether the
/// server is verified, the trusted CAs (only when verifying, as nothing else loads them),
/// the client chain, and the client key (by identity: the entry keeps the key alive, so
/// its address cannot be reused while the entry exists). Only contexts that were built
/// without error are kept, so a configuration OpenSSL refuses fails, with the same error,
/// on every connection. The cache holds a few entries and drops the least recently used.
///
/// Each entry owns one reference to its context, freed when the entry is dropped; each
/// lookup returns a new reference (`SSL_CTX_up_ref`) that the caller frees. A connection's
/// `SSL` holds its own reference, so dropping an entry never frees a context in use.
final class TLSContextCache: Sendable {
    /// What a context is built from.
    struct Key: Hashable {
        var minimumVersion: TLSClientConfiguration.MinimumVersion
        var verifiesServer: Bool
        var trustRoots: TrustRoots?
        var clientChain: [Certificate]?
        var clientKey: ObjectIdentifier?

        init(_ configuration: TLSClientConfiguration) {
            minimumVersion = configuration.minimumVersion
            verifiesServer = configuration.verifiesServer
            trustRoots = configuration.verifiesServer ? configuration.trustRoots : nil
            clientChain = configuration.clientIdentity?.certificateChain
            clientKey = configuration.clientIdentity.map { ObjectIdentifier($0.privateKey.handle) }
        }
    }

    private struct Entry {
        var context: ContextReference
        /// The key the entry was made for, kept so `Key.clientKey` stays unique.
        var privateKey: PrivateKey?
        var lastUse: UInt64
    }

    /// The process's cache.
    static let shared = TLSContextCache(capacity: 8)

    private let capacity: Int
    private let state: Mutex<(entries: [Key: Entry], clock: UInt64)>

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        self.state = Mutex((entries: [:], clock: 0))
    }

    deinit {
        state.withLock { state in
            for entry in state.entries.values { SSL_CTX_free(entry.context.pointer) }
            state.entries.removeAll()
        }
    }

    /// How many contexts are kept; for tests.
    var count: Int { state.withLock { $0.entries.count } }

    /// A context for `configuration`: the cached one, or a new one built by `make` and
    /// cached.
    ///
    /// - Parameters:
    ///   - configuration: The client's TLS settings.
    ///   - make: Builds a context the caller owns, as `TLSContextFactory.make` does.
    /// - Returns: An `SSL_CTX` reference the caller must free.
    /// - Throws: What `make` throws; nothing is cached then.
    func context(
        for configuration: TLSClientConfiguration,
        make: () throws(MemcachedClientError) -> OpaquePointer
    ) throws(MemcachedClientError) -> OpaquePointer {
        let key = Key(configuration)
        if let cached = lookUp(key) { return cached.pointer }

        // Built outside the lock: building takes a while and other configurations
        // should not wait for it.
        let built = ContextReference(pointer: try make())
        let configuredKey = configuration.clientIdentity?.privateKey
        return state.withLock { state -> ContextReference in
            state.clock &+= 1
            if var existing = state.entries[key] {
                // Another connection built the same context meanwhile: use the cached one.
                existing.lastUse = state.clock
                state.entries[key] = existing
                SSL_CTX_free(built.pointer)
                _ = SSL_CTX_up_ref(existing.context.pointer)
                return existing.context
            }
            if state.entries.count >= capacity,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })
            {
                state.entries[oldest.key] = nil
                SSL_CTX_free(oldest.value.context.pointer)
            }
            // The entry's reference is the one `make` returned; the caller gets another.
            _ = SSL_CTX_up_ref(built.pointer)
            state.entries[key] = Entry(
                context: built, privateKey: configuredKey, lastUse: state.clock)
            return built
        }.pointer
    }

    private func lookUp(_ key: Key) -> ContextReference? {
        state.withLock { state -> ContextReference? in
            guard var entry = state.entries[key] else { return nil }
            state.clock &+= 1
            entry.lastUse = state.clock
            state.entries[key] = entry
            _ = SSL_CTX_up_ref(entry.context.pointer)
            return entry.context
        }
    }

    /// Drops every entry; for tests.
    func removeAll() {
        state.withLock { state in
            for entry in state.entries.values { SSL_CTX_free(entry.context.pointer) }
            state.entries.removeAll()
        }
    }
}

/// A configured `SSL_CTX` held by the cache.
///
/// `@unchecked Sendable` because the context is never changed after
/// `TLSContextFactory.make` configured it: OpenSSL documents a configured `SSL_CTX` as safe
/// to share between threads for `SSL_new`, and its reference count is atomic. The pointer
/// is only freed by the cache, under its lock, when the entry is dropped.
struct ContextReference: @unchecked Sendable {
    let pointer: OpaquePointer
}
