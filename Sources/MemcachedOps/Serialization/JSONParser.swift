/// The byte-level JSON parser behind ``JSONReader``.
///
/// It walks the bytes once with an explicit stack of open containers instead of recursion,
/// so nesting depth costs heap, not stack, and is bounded by ``ReadingLimits/maxDepth``.
/// It records byte offsets only and turns them into lines and columns when it reports an
/// error.
struct JSONParser: ~Copyable {
    /// An array or object that is still open: where its elements or members start on their
    /// stack.
    ///
    /// Not private: the stack of frames is a generic stored property, and other files that
    /// use the parser need the type's metadata.
    struct Frame {
        var isObject: Bool
        var start: Int
    }

    /// Objects with more keys than this look duplicates up in a set; smaller ones compare
    /// the keys' hashes pairwise, and the keys themselves only when their hashes match.
    private static let linearKeySearchLimit = 32

    let bytes: UnsafeBufferPointer<UInt8>
    let limits: ReadingLimits
    var position: Int
    private var frames = ElementStack<Frame>()
    /// The elements of the open arrays, innermost last.
    private var elements = ElementStack<JSONValue>()
    /// The members of the open objects, innermost last; a member's value is `null` until
    /// it has been read.
    private var members = ElementStack<JSONObject.Entry>()
    /// Where each member's key starts, for duplicate-key errors, and the key's
    /// ``TextHash``, to find duplicates; parallel to `members`.
    private var keys = ElementStack<(offset: Int, hash: UInt64)>()
    private var scratch = ByteBuffer()
    private var strings = StringCache()

    /// The first duplicate key found; reading goes on to the end of the value so the
    /// caller can tell whether more documents follow.
    private(set) var duplicateKeyError: ManifestError?
    /// Whether `duplicateKeyError` is set: a flag is quicker to test than the optional.
    private var foundDuplicateKey = false

    /// Creates a parser over `bytes`, starting after a UTF-8 byte-order mark if there is one.
    init(bytes: UnsafeBufferPointer<UInt8>, limits: ReadingLimits) {
        self.bytes = bytes
        self.limits = limits
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        position = hasBOM ? 3 : 0
    }

    /// The text after a byte-order mark: offsets in errors are counted from here.
    var textStart: Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    // MARK: - Values

    /// Reads one complete value starting at the next non-whitespace byte.
    mutating func parseValue() throws(ManifestError) -> JSONValue {
        nextValue: while true {
            // Declared here, not outside the loop, so that a value moved into its container
            // below is never assigned over or destroyed again.
            var value: JSONValue
            skipWhitespace()
            guard position < bytes.count else {
                throw error("unexpected end of input: expected a value")
            }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                try push(isObject: true)
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    frames.removeLast()
                    value = .object(JSONObject())
                } else {
                    try parseKey(afterComma: false)
                    continue nextValue
                }
            case UInt8(ascii: "["):
                try push(isObject: false)
                skipWhitespace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    frames.removeLast()
                    value = .array([])
                } else {
                    continue nextValue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseStringValue())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            default:
                throw unexpected("expected a value")
            }

            // Hand the finished value to the open containers, closing those that end here.
            while let frame = frames.last {
                if frame.isObject {
                    members[members.count - 1].value = consume value
                    skipWhitespace()
                    guard position < bytes.count else {
                        throw error("unexpected end of input: expected ',' or '}'")
                    }
                    let byte = bytes[position]
                    if byte == UInt8(ascii: ",") {
                        position += 1
                        try parseKey(afterComma: true)
                        continue nextValue
                    }
                    guard byte == UInt8(ascii: "}") else {
                        throw unexpected("expected ',' or '}' after an object member")
                    }
                    position += 1
                    value = .object(closeObject(startingAt: frame.start))
                } else {
                    elements.push(consume value)
                    skipWhitespace()
                    guard position < bytes.count else {
                        throw error("unexpected end of input: expected ',' or ']'")
                    }
                    let byte = bytes[position]
                    if byte == UInt8(ascii: ",") {
                        position += 1
                        continue nextValue
                    }
                    guard byte == UInt8(ascii: "]") else {
                        throw unexpected("expected ',' or ']' after an array element")
                    }
                    position += 1
                    frames.removeLast()
                    value = .array(elements.popArray(from: frame.start))
                }
            }
            return value
        }
    }

    /// Skips spaces, tabs and line breaks.
    ///
    /// Runs of spaces, such as the indentation of pretty-printed JSON, are skipped eight
    /// bytes at a time.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte > 0x20 { return }
            if byte == 0x20 {
                skipSpaces()
            } else if byte == 0x0A || byte == 0x0D || byte == 0x09 {
                position += 1
            } else {
                return
            }
        }
    }

    /// Moves past the spaces at the current position, which is a space.
    private mutating func skipSpaces() {
        let spaces: UInt64 = 0x2020_2020_2020_2020
        let raw = UnsafeRawBufferPointer(bytes)
        while position + 8 <= bytes.count {
            let word = UInt64(
                littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            let others = word ^ spaces
            guard others == 0 else {
                position += others.trailingZeroBitCount / 8
                return
            }
            position += 8
        }
        while position < bytes.count, bytes[position] == 0x20 { position += 1 }
    }

    private mutating func push(isObject: Bool) throws(ManifestError) {
        guard frames.count < limits.maxDepth else { throw depthError() }
        position += 1
        frames.push(Frame(isObject: isObject, start: isObject ? members.count : elements.count))
    }

    /// The error for nesting past the depth limit at the current position.
    @inline(never)
    private func depthError() -> ManifestError {
        let (line, column) = location(of: position)
        return limits.depthError(line: line, column: column)
    }

    /// Reads `"key" :` and opens a member for it in the innermost object.
    private mutating func parseKey(afterComma: Bool) throws(ManifestError) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            if position < bytes.count {
                throw unexpected(afterComma ? "expected a key after ','" : "expected a key or '}'")
            }
            throw error("unexpected end of input: expected a key")
        }
        let offset = position
        let (key, hash) = try parseKeyString()
        keys.push((offset, hash))
        members.push(JSONObject.Entry(key: key, value: .null))
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            if position < bytes.count { throw unexpected("expected ':' after an object key") }
            throw error("unexpected end of input: expected ':'")
        }
        position += 1
    }

    /// Closes the innermost object, whose members start at `start`, noting its first
    /// duplicate key if it has one.
    private mutating func closeObject(startingAt start: Int) -> JSONObject {
        if !foundDuplicateKey, let duplicate = firstDuplicate(from: start) {
            duplicateKeyError = duplicateError(memberIndex: duplicate)
            foundDuplicateKey = true
        }
        frames.removeLast()
        keys.truncate(to: start)
        return JSONObject(uncheckedEntries: members.popArray(from: start))
    }

    /// The index of the first member from `start` on whose key an earlier member has.
    private func firstDuplicate(from start: Int) -> Int? {
        let end = members.count
        if end - start <= Self.linearKeySearchLimit {
            var index = start + 1
            while index < end {
                let hash = keys[index].hash
                for earlier in start..<index
                where keys[earlier].hash == hash && members[earlier].key == members[index].key {
                    return index
                }
                index += 1
            }
            return nil
        }
        var seen = Set<String>(minimumCapacity: end - start)
        for index in start..<end where !seen.insert(members[index].key).inserted {
            return index
        }
        return nil
    }

    /// The duplicate-key error for the member at `memberIndex` of the innermost object.
    @inline(never)
    private func duplicateError(memberIndex: Int) -> ManifestError {
        var components: [FieldPath.Component] = []
        for depth in 0..<(frames.count - 1) {
            let frame = frames[depth]
            // Where this container's entries end: where the next deeper container of the
            // same kind starts its own, or the top of the stack.
            var end = frame.isObject ? members.count : elements.count
            for deeper in (depth + 1)..<frames.count
            where frames[deeper].isObject == frame.isObject {
                end = frames[deeper].start
                break
            }
            if frame.isObject {
                components.append(.key(members[end - 1].key))
            } else {
                components.append(.index(end - frame.start))
            }
        }
        let key = members[memberIndex].key
        components.append(.key(key))
        let (line, column) = location(of: keys[memberIndex].offset)
        let path = FieldPath(components)
        return ManifestError(
            .duplicateKey, path: path, message: "duplicate key \"\(key)\" at \(path)",
            line: line, column: column)
    }

    // MARK: - Scalars

    private mutating func expectLiteral(_ literal: StaticString) throws(ManifestError) {
        let count = literal.utf8CodeUnitCount
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        guard position + count <= bytes.count else {
            throw unexpected("expected a value")
        }
        for index in 0..<count where bytes[position + index] != text[index] {
            throw unexpected("expected a value")
        }
        position += count
    }

    /// Reads a number, checking it against JSON's grammar, and keeps its text.
    private mutating func parseNumber() throws(ManifestError) -> JSONNumber {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw unexpected("expected a digit after '-'")
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw error("a number cannot start with a leading zero", at: start)
            }
        } else {
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw unexpected("expected a digit after the decimal point")
            }
            skipDigits()
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count,
                bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
            {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw unexpected("expected a digit in the exponent")
            }
            skipDigits()
        }
        let text = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        return JSONNumber(validatedText: text)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    private mutating func skipDigits() {
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    }

    /// Reads a string value starting at its opening quote.
    ///
    /// Strings without escapes, the usual case, become a `String` straight from the input
    /// bytes.
    private mutating func parseStringValue() throws(ManifestError) -> String {
        let start = position + 1
        if try scanString() { return scratch.withBytes { String(decoding: $0, as: UTF8.self) } }
        return strings.string(UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)]))
    }

    /// Reads an object key starting at its opening quote, and gives its ``TextHash``.
    ///
    /// Keys are hashed where they lie in the input, which finds the common ones among
    /// ``KnownKeys`` and lets duplicates be found by comparing hashes.
    private mutating func parseKeyString() throws(ManifestError) -> (String, UInt64) {
        let start = position + 1
        if try scanString() {
            return scratch.withBytes { text in
                let hash = TextHash.hash(UnsafeRawBufferPointer(text))
                return (String(decoding: text, as: UTF8.self), hash)
            }
        }
        let raw = UnsafeRawBufferPointer(bytes)
        guard let base = raw.baseAddress else { return ("", TextHash.hash(raw)) }
        let count = position - 1 - start
        let readable = raw.count - start
        let hash = TextHash.hash(base + start, count: count, readable: readable)
        return (strings.key(base + start, count: count, readable: readable, hash: hash), hash)
    }

    /// Moves past a string starting at its opening quote, checking it, and tells whether it
    /// has escapes.
    ///
    /// Without escapes, the usual case, the string's text is the input bytes between the
    /// quotes; with them, the decoded text is left in `scratch`, escapes decoded into it and
    /// plain runs copied whole.
    ///
    /// - Returns: Whether the string has escapes.
    private mutating func scanString() throws(ManifestError) -> Bool {
        let quote = position
        position += 1
        let start = position
        try skipPlainStringBytes()
        guard position < bytes.count else { throw error("unterminated string", at: quote) }
        if bytes[position] == UInt8(ascii: "\"") {
            position += 1
            return false
        }

        scratch.removeAll()
        scratch.append(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return true
            case UInt8(ascii: "\\"):
                // `\"`, common in embedded JSON such as kubectl's last applied configuration,
                // is decoded here; `parseEscape()` handles the rest.
                if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
                    scratch.append(UInt8(ascii: "\""))
                    position += 2
                } else {
                    try parseEscape()
                }
            default:
                let runStart = position
                try skipPlainStringBytes()
                scratch.append(UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            }
        }
        throw error("unterminated string", at: quote)
    }

    /// Moves past string content that needs no decoding: everything up to the next quote,
    /// backslash or end of input, eight bytes at a time while it is plain ASCII, checking
    /// UTF-8 and rejecting control characters on the way.
    @inline(__always)
    private mutating func skipPlainStringBytes() throws(ManifestError) {
        let raw = UnsafeRawBufferPointer(bytes)
        while true {
            while position + 8 <= bytes.count {
                let word = UInt64(
                    littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                let attention = Self.attention(word)
                if attention != 0 {
                    position += attention.trailingZeroBitCount / 8
                    break
                }
                position += 8
            }
            guard position < bytes.count else { return }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return }
            if byte < 0x20 { throw controlCharacterError() }
            if byte < 0x80 {
                position += 1
            } else {
                position += try validatedSequenceLength()
            }
        }
    }

    private mutating func validatedSequenceLength() throws(ManifestError) -> Int {
        guard let length = UTF8Scanner.sequenceLength(bytes, at: position) else {
            throw error(UTF8Scanner.invalidUTF8Message(bytes, at: position), code: .encoding)
        }
        return length
    }

    @inline(never)
    private func controlCharacterError() -> ManifestError {
        if bytes[position] == 0 { return error("a NUL byte is not allowed", code: .encoding) }
        return error(
            "control character \(UTF8Scanner.describe(bytes, at: position)) must be escaped "
                + "in a string")
    }

    /// Decodes one escape sequence starting at its backslash into the scratch buffer.
    private mutating func parseEscape() throws(ManifestError) {
        let start = position
        guard position + 1 < bytes.count else { throw error("unterminated string", at: start) }
        let letter = bytes[position + 1]
        position += 2
        switch letter {
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try parseHexQuad(escapeStart: start)
            var scalar = UInt32(unit)
            if unit >= 0xD800 && unit < 0xDC00 {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw loneSurrogate(unit, at: start) }
                position += 2
                let low = try parseHexQuad(escapeStart: position - 2)
                guard low >= 0xDC00 && low < 0xE000 else { throw loneSurrogate(unit, at: start) }
                scalar = 0x10000 + (UInt32(unit) - 0xD800) << 10 + (UInt32(low) - 0xDC00)
            } else if unit >= 0xDC00 && unit < 0xE000 {
                throw loneSurrogate(unit, at: start)
            }
            scratch.append(scalar: scalar)
        default:
            position = start + 1
            if letter == 0 { throw error("a NUL byte is not allowed", code: .encoding) }
            if letter >= 0x80, UTF8Scanner.sequenceLength(bytes, at: position) == nil {
                throw error(UTF8Scanner.invalidUTF8Message(bytes, at: position), code: .encoding)
            }
            throw error(
                "invalid escape '\\' followed by \(UTF8Scanner.describe(bytes, at: position))",
                at: start)
        }
    }

    private mutating func parseHexQuad(escapeStart: Int) throws(ManifestError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard position < bytes.count else {
                throw error("unterminated string", at: escapeStart)
            }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw error(
                    "invalid \\u escape: expected four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | UInt16(digit)
            position += 1
        }
        return value
    }

    /// The bytes of `word`, read little-endian, that are a quote, a backslash, a control
    /// character or not ASCII: the high bit of each such byte is set.
    ///
    /// Above the first such byte, other bytes may be marked too (a borrow carries into
    /// them), but the lowest set bit always marks the first byte that needs attention.
    @inline(__always)
    private static func attention(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let zeroQuote = (quotes &- ones) & ~quotes
        let zeroBackslash = (backslashes &- ones) & ~backslashes
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control | word) & high
    }

    @inline(never)
    private func loneSurrogate(_ unit: UInt16, at offset: Int) -> ManifestError {
        let hex = String(unit, radix: 16, uppercase: true)
        return error("invalid \\u escape: lone surrogate \\u\(hex)", at: offset)
    }

    // MARK: - Errors

    /// An error at the current position.
    @inline(never)
    func error(_ message: String, code: ManifestError.Code = .syntax) -> ManifestError {
        error(message, at: position, code: code)
    }

    /// An error at `offset`.
    @inline(never)
    func error(_ message: String, at offset: Int, code: ManifestError.Code = .syntax)
        -> ManifestError
    {
        let (line, column) = location(of: offset)
        return ManifestError(code, message: message, line: line, column: column)
    }

    /// The line and column of `offset`, not counting a byte-order mark.
    func location(of offset: Int) -> (line: Int, column: Int) {
        var locator = TextLocator(UnsafeBufferPointer(rebasing: bytes[textStart...]))
        return locator.location(of: offset - textStart)
    }

    /// An error for an unexpected byte at the current position: an encoding error for a NUL
    /// byte or invalid UTF-8, else a syntax error naming what was found.
    @inline(never)
    func unexpected(_ expectation: String) -> ManifestError {
        guard position < bytes.count else {
            return error("unexpected end of input: \(expectation)")
        }
        let byte = bytes[position]
        if byte == 0 { return error("a NUL byte is not allowed", code: .encoding) }
        if byte >= 0x80, UTF8Scanner.sequenceLength(bytes, at: position) == nil {
            return error(UTF8Scanner.invalidUTF8Message(bytes, at: position), code: .encoding)
        }
        return error("\(expectation), found \(UTF8Scanner.describe(bytes, at: position))")
    }
}
