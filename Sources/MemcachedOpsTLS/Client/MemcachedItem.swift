/// A value stored in memcached, with the flags stored beside it.
public struct MemcachedItem: Sendable, Hashable {
    /// The value's bytes.
    public let value: [UInt8]

    /// The 32-bit flags given when the value was set.
    public let flags: UInt32

    /// Creates an item.
    ///
    /// - Parameters:
    ///   - value: The bytes.
    ///   - flags: The flags.
    public init(value: [UInt8], flags: UInt32 = 0) {
        self.value = value
        self.flags = flags
    }

    /// The value decoded as UTF-8, replacing invalid sequences.
    public var string: String { String(decoding: value, as: UTF8.self) }
}
