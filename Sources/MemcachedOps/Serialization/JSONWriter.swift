/// Writes ``JSONValue`` trees as JSON text.
///
/// Keys keep their order and numbers are written as their text, so reading a document and
/// writing it back reproduces its content exactly. Strings escape only what JSON requires:
/// the quote, the backslash and control characters (`\n`, `\t`, `\u001b`, ...); other
/// characters, `/` and non-ASCII included, are written as they are, in UTF-8.
public enum JSONWriter {
    /// How the output is laid out.
    public enum Style: Sendable, Hashable {
        /// No whitespace at all: `{"a":1,"b":[true,null]}`.
        case compact
        /// One member or element per line, indented by two spaces, with `"key": value`.
        ///
        /// Empty objects and arrays are written as `{}` and `[]`.
        case pretty
    }

    /// Writes a value as JSON text, without a trailing line break.
    ///
    /// - Parameters:
    ///   - value: The value to write.
    ///   - style: The layout; pretty by default.
    /// - Returns: The JSON text.
    public static func string(_ value: JSONValue, style: Style = .pretty) -> String {
        String(decoding: bytes(value, style: style), as: UTF8.self)
    }

    /// Writes a value as UTF-8 encoded JSON text, without a trailing line break.
    ///
    /// - Parameters:
    ///   - value: The value to write.
    ///   - style: The layout; pretty by default.
    /// - Returns: The JSON text's bytes.
    public static func bytes(_ value: JSONValue, style: Style = .pretty) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, indent: style == .pretty ? 0 : nil, to: &output)
        return output
    }

    /// Appends `value`; `indent` is the current indentation for pretty output, `nil` for
    /// compact output.
    private static func write(_ value: JSONValue, indent: Int?, to output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let bool):
            output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .number(let number):
            output.append(contentsOf: number.text.utf8)
        case .string(let string):
            appendQuoted(string, to: &output)
        case .array(let array):
            guard !array.isEmpty else {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            let inner = indent.map { $0 + 2 }
            for (position, element) in array.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                appendBreak(indent: inner, to: &output)
                write(element, indent: inner, to: &output)
            }
            appendBreak(indent: indent, to: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            let inner = indent.map { $0 + 2 }
            for (position, entry) in object.entries.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                appendBreak(indent: inner, to: &output)
                appendQuoted(entry.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(UInt8(ascii: " ")) }
                write(entry.value, indent: inner, to: &output)
            }
            appendBreak(indent: indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func appendBreak(indent: Int?, to output: inout [UInt8]) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// Appends `string` in double quotes with JSON escapes.
    private static func appendQuoted(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for (offset, byte) in utf8.enumerated()
            where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<offset]))
                runStart = offset + 1
                appendEscape(for: byte, to: &output)
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(for byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: output.append(UInt8(ascii: "\""))
        case 0x5C: output.append(UInt8(ascii: "\\"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x09: output.append(UInt8(ascii: "t"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        default:
            output.append(contentsOf: "u00".utf8)
            output.append(hexDigit(byte >> 4))
            output.append(hexDigit(byte & 0x0F))
        }
    }

    /// The lowercase hexadecimal digit for a value below 16.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
