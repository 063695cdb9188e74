/// Text from C character buffers.
enum CText {
    /// The characters of `buffer` up to its first NUL (or all of them), decoded as UTF-8.
    static func string<Buffer: Collection>(_ buffer: Buffer) -> String
    where Buffer.Element == CChar {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
