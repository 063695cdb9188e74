/// A set of keys stored across a fleet's pods, to count how many a change kept.
///
/// ```swift
/// let keys = try await CachedKeys.load(300, into: fleet)
/// // ... rotate certificates ...
/// let kept = try await keys.countKept(in: fleet)   // 300 after a live reload
/// ```
public struct CachedKeys: Sendable, Hashable {
    /// One stored key.
    public struct Entry: Sendable, Hashable {
        /// The pod that holds it.
        public var pod: String
        /// The key.
        public var key: String
        /// Its value.
        public var value: [UInt8]
    }

    /// The keys, spread over the pods in turn.
    public var entries: [Entry]

    /// Stores `count` keys, spread over the pods in turn, each with its own value.
    ///
    /// - Parameters:
    ///   - count: How many keys.
    ///   - fleet: The fleet.
    ///   - prefix: The keys' prefix.
    /// - Returns: The keys stored.
    /// - Throws: When a pod cannot be reached or does not store a key.
    public static func load(
        _ count: Int, into fleet: LocalFleet, prefix: String = "cached"
    ) async throws -> CachedKeys {
        let pods = try fleet.pods().map(\.name)
        guard !pods.isEmpty else { return CachedKeys(entries: []) }
        var entries: [Entry] = []
        for index in 0..<count {
            entries.append(
                Entry(
                    pod: pods[index % pods.count], key: "\(prefix)-\(index)",
                    value: Array("value \(index) of \(prefix)".utf8)))
        }
        for pod in pods {
            let client = try await fleet.connect(to: pod)
            do {
                for entry in entries where entry.pod == pod {
                    try await client.set(entry.key, value: entry.value)
                }
            } catch {
                await client.close()
                throw error
            }
            await client.close()
        }
        return CachedKeys(entries: entries)
    }

    /// Counts the keys each pod still holds with their value.
    ///
    /// - Parameter fleet: The fleet.
    /// - Returns: How many keys are still cached.
    /// - Throws: When a pod cannot be reached.
    public func countKept(in fleet: LocalFleet) async throws -> Int {
        var kept = 0
        for pod in Set(entries.map(\.pod)).sorted() {
            let client = try await fleet.connect(to: pod)
            do {
                for entry in entries where entry.pod == pod {
                    if try await client.get(entry.key)?.value == entry.value { kept += 1 }
                }
            } catch {
                await client.close()
                throw error
            }
            await client.close()
        }
        return kept
    }
}
