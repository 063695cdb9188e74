/// Turns byte offsets into 1-based line and column numbers.
///
/// Readers record only byte offsets while they work and ask for a line and column when they
/// report an error or start a document, so the fast path counts nothing. A line ends at
/// `\n`, `\r\n` or a lone `\r`; a column counts characters (Unicode scalars), not bytes, as
/// libyaml does. Asking for increasing offsets continues from the last answer, so numbering
/// every document of a long stream stays linear.
package struct TextLocator {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var scannedOffset = 0
    private var scannedLine = 1
    private var lineStart = 0

    /// Creates a locator over `bytes`.
    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The line and column of the byte at `offset`; an offset at the end of the text gives
    /// the position just past its last character.
    package mutating func location(of offset: Int) -> (line: Int, column: Int) {
        let target = advance(to: offset)
        var column = 1
        var index = lineStart
        while index < target {
            if !UTF8Scanner.isContinuation(bytes[index]) { column += 1 }
            index += 1
        }
        return (scannedLine, column)
    }

    /// The line of the byte at `offset`.
    package mutating func line(of offset: Int) -> Int {
        advance(to: offset)
        return scannedLine
    }

    /// Counts lines up to `offset` and returns the offset, clamped to the text.
    @discardableResult
    private mutating func advance(to offset: Int) -> Int {
        let target = min(max(offset, 0), bytes.count)
        if target < scannedOffset {
            scannedOffset = 0
            scannedLine = 1
            lineStart = 0
        }
        var position = scannedOffset
        while position < target {
            let byte = bytes[position]
            position += 1
            if byte == 0x0A {
                scannedLine += 1
                lineStart = position
            } else if byte == 0x0D {
                if position < bytes.count, bytes[position] == 0x0A {
                    if position == target { break }
                    position += 1
                }
                scannedLine += 1
                lineStart = position
            }
        }
        scannedOffset = position
        return target
    }
}
