/// A growable run of bytes that a reader decodes escaped text into and re-uses.
///
/// Appending checks only the capacity: no uniqueness check and no generic code, as an
/// `Array` needs. The storage is allocated on first use and freed with the buffer.
package struct ByteBuffer: ~Copyable {
    /// The storage: `nil` until the first byte is appended, then `capacity` bytes. Writes
    /// come after a capacity check that allocates it, so they may unwrap it unchecked.
    private var base: UnsafeMutablePointer<UInt8>?
    private var capacity = 0

    /// The number of bytes in the buffer.
    package private(set) var count = 0

    /// Creates an empty buffer.
    package init() {}

    deinit {
        base?.deallocate()
    }

    /// Empties the buffer, keeping its storage.
    package mutating func removeAll() {
        count = 0
    }

    /// Appends one byte.
    @inline(__always)
    package mutating func append(_ byte: UInt8) {
        if count == capacity { grow(minimumCapacity: count + 1) }
        base.unsafelyUnwrapped[count] = byte
        count += 1
    }

    /// Appends a run of bytes.
    package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(minimumCapacity: count + bytes.count) }
        (base.unsafelyUnwrapped + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends the UTF-8 encoding of a code point that is a valid Unicode scalar.
    package mutating func append(scalar value: UInt32) {
        if value < 0x80 {
            append(UInt8(value))
        } else if value < 0x800 {
            append(UInt8(0xC0 | value >> 6))
            append(UInt8(0x80 | value & 0x3F))
        } else if value < 0x10000 {
            append(UInt8(0xE0 | value >> 12))
            append(UInt8(0x80 | value >> 6 & 0x3F))
            append(UInt8(0x80 | value & 0x3F))
        } else {
            append(UInt8(0xF0 | value >> 18))
            append(UInt8(0x80 | value >> 12 & 0x3F))
            append(UInt8(0x80 | value >> 6 & 0x3F))
            append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Calls `body` with the bytes in the buffer.
    package func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    private mutating func grow(minimumCapacity: Int) {
        let newCapacity = max(minimumCapacity, capacity * 2, 64)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if let base {
            newBase.initialize(from: base, count: count)
            base.deallocate()
        }
        base = newBase
        capacity = newCapacity
    }
}
