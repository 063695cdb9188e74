/// Byte-level UTF-8 checks the JSON and YAML readers share.
///
/// The readers work on raw bytes and never build a `String` per character; these helpers
/// validate multi-byte sequences in place and describe offending bytes for messages.
package enum UTF8Scanner {
    /// The length of the valid UTF-8 sequence starting at `offset`, or `nil` when the bytes
    /// there are not valid UTF-8 (a stray continuation byte, an overlong form, a surrogate,
    /// a value past U+10FFFF, or a sequence cut short).
    ///
    /// - Parameters:
    ///   - bytes: The text.
    ///   - offset: Where the sequence starts; must be inside `bytes`.
    /// - Returns: 1 to 4, or `nil`.
    @inline(__always)
    package static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int)
        -> Int?
    {
        let lead = bytes[offset]
        if lead < 0x80 { return 1 }
        let remaining = bytes.count - offset
        if lead < 0xC2 { return nil }
        if lead < 0xE0 {
            guard remaining >= 2, isContinuation(bytes[offset + 1]) else { return nil }
            return 2
        }
        if lead < 0xF0 {
            guard remaining >= 3 else { return nil }
            let second = bytes[offset + 1]
            guard isContinuation(second), isContinuation(bytes[offset + 2]) else { return nil }
            if lead == 0xE0, second < 0xA0 { return nil }
            if lead == 0xED, second >= 0xA0 { return nil }
            return 3
        }
        if lead < 0xF5 {
            guard remaining >= 4 else { return nil }
            let second = bytes[offset + 1]
            guard isContinuation(second), isContinuation(bytes[offset + 2]),
                isContinuation(bytes[offset + 3])
            else { return nil }
            if lead == 0xF0, second < 0x90 { return nil }
            if lead == 0xF4, second >= 0x90 { return nil }
            return 4
        }
        return nil
    }

    /// Whether `byte` is a UTF-8 continuation byte (`10xxxxxx`).
    @inline(__always)
    package static func isContinuation(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }

    /// The code point of the valid sequence of `length` bytes at `offset`.
    package static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int
    ) -> UInt32 {
        let lead = UInt32(bytes[offset])
        switch length {
        case 1:
            return lead
        case 2:
            return (lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
        case 3:
            return (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6
                | UInt32(bytes[offset + 2] & 0x3F)
        default:
            return (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
        }
    }

    /// Appends the UTF-8 encoding of a code point that is a valid Unicode scalar.
    package static func append(scalar value: UInt32, to buffer: inout [UInt8]) {
        if value < 0x80 {
            buffer.append(UInt8(value))
        } else if value < 0x800 {
            buffer.append(UInt8(0xC0 | value >> 6))
            buffer.append(UInt8(0x80 | value & 0x3F))
        } else if value < 0x10000 {
            buffer.append(UInt8(0xE0 | value >> 12))
            buffer.append(UInt8(0x80 | value >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | value & 0x3F))
        } else {
            buffer.append(UInt8(0xF0 | value >> 18))
            buffer.append(UInt8(0x80 | value >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | value >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// A short description of the character or byte at `offset` for messages, such as
    /// `'x'`, `U+0007`, `byte 0xFF` or `end of input`.
    package static func describe(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0x20 { return "a space" }
        if byte == 0x0A || byte == 0x0D { return "a line break" }
        if byte == 0x09 { return "a tab" }
        guard let length = sequenceLength(bytes, at: offset) else {
            return "byte " + hex(UInt32(byte), digits: 2, prefix: "0x")
        }
        let value = decode(bytes, at: offset, length: length)
        if value < 0x20 || (value >= 0x7F && value < 0xA0) {
            return hex(value, digits: 4, prefix: "U+")
        }
        let code = hex(value, digits: 4, prefix: "U+")
        guard let scalar = Unicode.Scalar(value) else { return code }
        return "'\(Character(scalar))' (\(code))"
    }

    /// The first byte offset where `bytes` is not acceptable YAML text, with a message, or
    /// `nil` when all of it is.
    ///
    /// Rejects what libyaml's reader rejects: invalid UTF-8, NUL, the C0 controls except
    /// tab, line feed and carriage return, DEL, the C1 controls except NEL, and the
    /// noncharacters U+FFFE and U+FFFF.
    package static func firstYAMLEncodingProblem(in bytes: UnsafeBufferPointer<UInt8>)
        -> (offset: Int, message: String)?
    {
        var offset = 0
        let count = bytes.count
        let raw = UnsafeRawBufferPointer(bytes)
        while offset < count {
            // Printable ASCII, most of any manifest, eight bytes at a time.
            while offset + 8 <= count {
                let word = UInt64(
                    littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let attention = notPrintableASCII(word)
                if attention != 0 {
                    offset += attention.trailingZeroBitCount / 8
                    break
                }
                offset += 8
            }
            guard offset < count else { break }
            let byte = bytes[offset]
            if byte >= 0x20 && byte < 0x7F || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                offset += 1
                continue
            }
            if byte == 0 { return (offset, "a NUL byte is not allowed") }
            guard byte >= 0x80 else {
                return (offset, "control character \(describe(bytes, at: offset)) is not allowed")
            }
            guard let length = sequenceLength(bytes, at: offset) else {
                return (offset, invalidUTF8Message(bytes, at: offset))
            }
            let value = decode(bytes, at: offset, length: length)
            if (value >= 0x80 && value < 0xA0 && value != 0x85) || value == 0xFFFE
                || value == 0xFFFF
            {
                return (
                    offset,
                    "control character \(hex(value, digits: 4, prefix: "U+")) "
                        + "is not allowed"
                )
            }
            offset += length
        }
        return nil
    }

    /// The bytes of `word`, read little-endian, that are not printable ASCII (below 0x20,
    /// DEL or above 0x7F): the high bit of each such byte is set.
    ///
    /// Above the first such byte, other bytes may be marked too (a borrow carries into
    /// them), but the lowest set bit always marks the first one.
    @inline(__always)
    private static func notPrintableASCII(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word
        let deletes = word ^ (ones &* 0x7F)
        let delete = (deletes &- ones) & ~deletes
        return (control | delete | word) & high
    }

    /// The message for invalid UTF-8 at `offset`.
    package static func invalidUTF8Message(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int)
        -> String
    {
        "invalid UTF-8: " + describe(bytes, at: offset) + " does not start a valid sequence"
    }

    private static func hex(_ value: UInt32, digits: Int, prefix: String) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return prefix + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
