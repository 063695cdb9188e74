/// Makes the `String`s a reader needs for keys and values, re-using them where it can.
///
/// Manifests repeat the same keys and many values (`lastTransitionTime`, `RuntimeDefault`)
/// over and over. A key found in ``KnownKeys`` comes back as a string literal. Other text
/// of up to 15 UTF-8 bytes is stored inline by Swift, costs no allocation and is made
/// afresh; longer text needs a heap allocation each time, so this direct-mapped cache
/// hands out the string made last time for the same bytes instead, which saves the
/// allocation, the copy and the later release.
///
/// Each slot keeps a copy of its text's bytes beside the string, so a lookup compares
/// bytes with a few word loads. The slots are allocated on first use, in one block, and
/// only the filled ones are released, so a reader that reads a small document pays little
/// for the cache.
package struct StringCache: ~Copyable {
    /// The shortest text worth caching: shorter strings are stored inline.
    private static let minimumLength = 16
    /// The longest text worth caching; longer text is rarely repeated.
    private static let maximumLength = 64
    private static let slotCount = 128

    private let knownKeys = KnownKeys.shared
    /// The strings, `slotCount` of them; a slot is initialized when its length is not 0.
    private var strings: UnsafeMutablePointer<String>?
    /// The bytes of each slot's string, `maximumLength` bytes a slot.
    private var texts: UnsafeMutableRawPointer?
    /// The UTF-8 length of each slot's string; 0 for an empty slot.
    private var lengths: UnsafeMutablePointer<UInt8>?

    /// Creates an empty cache; it allocates its slots when first used.
    package init() {}

    deinit {
        guard let strings, let lengths else { return }
        for slot in 0..<Self.slotCount where lengths[slot] != 0 {
            (strings + slot).deinitialize(count: 1)
        }
        UnsafeMutableRawPointer(strings).deallocate()
    }

    /// A string for a key with the UTF-8 text of `bytes`, which must be valid UTF-8.
    package mutating func key(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress else { return "" }
        let start = UnsafeRawPointer(base)
        let count = bytes.count
        let hash = TextHash.hash(start, count: count, readable: count)
        return key(start, count: count, readable: count, hash: hash)
    }

    /// A string for a key with the UTF-8 text of the `count` bytes at `start`, which must
    /// be valid UTF-8 and have the ``TextHash`` `hash`; `readable` bytes from `start` on,
    /// at least `count`, may be read.
    @inline(__always)
    package mutating func key(
        _ start: UnsafeRawPointer, count: Int, readable: Int, hash: UInt64
    ) -> String {
        if let known = knownKeys.key(start, count: count, readable: readable, hash: hash) {
            return known
        }
        guard count >= Self.minimumLength, count <= Self.maximumLength else {
            return Self.makeString(start, count: count)
        }
        return cachedString(start, count: count, hash: hash)
    }

    /// A string with the UTF-8 text of `bytes`, which must be valid UTF-8.
    package mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        guard count >= Self.minimumLength, count <= Self.maximumLength,
            let base = bytes.baseAddress
        else {
            return Self.makeString(bytes)
        }
        let start = UnsafeRawPointer(base)
        let hash = TextHash.hash(start, count: count, readable: count)
        return cachedString(start, count: count, hash: hash)
    }

    /// A string with the UTF-8 text of the `count` bytes at `start`, from the cache; the
    /// text is long enough to need an allocation.
    private mutating func cachedString(_ start: UnsafeRawPointer, count: Int, hash: UInt64)
        -> String
    {
        if strings == nil { allocate() }
        guard let strings, let texts, let lengths else {
            return Self.makeString(start, count: count)
        }
        let slot = Int(truncatingIfNeeded: hash >> 40) & (Self.slotCount - 1)
        let text = texts + slot &* Self.maximumLength
        let filled = lengths[slot] != 0
        if filled, Int(lengths[slot]) == count,
            TextHash.equal(UnsafeRawPointer(text), start, count: count)
        {
            return strings[slot]
        }
        let string = Self.makeString(start, count: count)
        if filled {
            strings[slot] = string
        } else {
            (strings + slot).initialize(to: string)
        }
        text.copyMemory(from: start, byteCount: count)
        lengths[slot] = UInt8(count)
        return string
    }

    private static func makeString(_ start: UnsafeRawPointer, count: Int) -> String {
        makeString(
            UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// A string with the UTF-8 text of `bytes`.
    @inline(__always)
    private static func makeString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Allocates the strings, then the texts, then the lengths, in one block.
    private mutating func allocate() {
        let stringBytes = Self.slotCount * MemoryLayout<String>.stride
        let textBytes = Self.slotCount * Self.maximumLength
        let block = UnsafeMutableRawPointer.allocate(
            byteCount: stringBytes + textBytes + Self.slotCount,
            alignment: MemoryLayout<String>.alignment)
        strings = block.bindMemory(to: String.self, capacity: Self.slotCount)
        texts = block + stringBytes
        lengths = (block + stringBytes + textBytes).initializeMemory(
            as: UInt8.self, repeating: 0, count: Self.slotCount)
    }
}
