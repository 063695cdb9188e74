/// Re-uses the `String`s a reader makes for text that repeats, such as keys.
///
/// Manifests repeat the same keys and many values (`lastTransitionTime`, `RuntimeDefault`)
/// over and over. Strings of up to 15 UTF-8 bytes are stored inline by Swift and cost
/// nothing; longer ones need a heap allocation each. This direct-mapped cache hands out
/// the string made last time for the same bytes instead, which saves the allocation, the
/// copy and the later release.
package struct StringCache {
    /// The shortest text worth caching: shorter strings are stored inline.
    private static let minimumLength = 16
    /// The longest text worth caching.
    private static let maximumLength = 64
    private static let slotCount = 512

    private var slots: [String?] = []

    /// Creates an empty cache; it allocates its slots when first used.
    package init() {}

    /// A string with the UTF-8 text of `bytes`, which must be valid UTF-8.
    package mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        guard count >= Self.minimumLength, count <= Self.maximumLength else {
            return String(decoding: bytes, as: UTF8.self)
        }
        if slots.isEmpty { slots = Array(repeating: nil, count: Self.slotCount) }
        let slot = Self.slot(for: bytes)
        if var cached = slots[slot], cached.utf8.count == count,
            cached.withUTF8({ Self.equal($0, bytes) })
        {
            return cached
        }
        let string = String(decoding: bytes, as: UTF8.self)
        slots[slot] = string
        return string
    }

    private static func slot(for bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let raw = UnsafeRawBufferPointer(bytes)
        let head = raw.loadUnaligned(as: UInt64.self)
        let tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
        var hash = (head ^ tail.rotated(by: 29)) &+ UInt64(bytes.count)
        hash = (hash ^ hash >> 32) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: hash >> 55) & (slotCount - 1)
    }

    private static func equal(
        _ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>
    )
        -> Bool
    {
        let leftRaw = UnsafeRawBufferPointer(left)
        let rightRaw = UnsafeRawBufferPointer(right)
        var offset = 0
        while offset + 8 <= left.count {
            guard
                leftRaw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == rightRaw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            else { return false }
            offset += 8
        }
        let last = left.count - 8
        return leftRaw.loadUnaligned(fromByteOffset: last, as: UInt64.self)
            == rightRaw.loadUnaligned(fromByteOffset: last, as: UInt64.self)
    }
}

extension UInt64 {
    fileprivate func rotated(by amount: UInt64) -> UInt64 {
        self << amount | self >> (64 - amount)
    }
}
