/// A problem reading a manifest: malformed syntax, a wrong type, a missing field, an unknown
/// kind, or a document that is too large or too deep.
///
/// Its description follows compiler conventions so editors and CI logs can link to it:
/// `FILE:LINE:COLUMN: message` for syntax errors, `FILE: PATH: message` for everything else
/// (`FILE: message` when the problem concerns the whole document or file).
/// Messages never quote values from a `Secret`.
public struct ManifestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Code: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
        /// The code's name.
        public var rawValue: String

        /// Creates a code from its name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The text is not valid JSON or YAML.
        public static let syntax = Code(rawValue: "syntax")
        /// The bytes are not valid UTF-8, or hold a NUL byte.
        public static let encoding = Code(rawValue: "encoding")
        /// A value has the wrong type, such as a string where an integer belongs.
        public static let typeMismatch = Code(rawValue: "typeMismatch")
        /// A required field is absent.
        public static let missingField = Code(rawValue: "missingField")
        /// A value has the right type but cannot be used, such as an unparsable duration.
        public static let invalidValue = Code(rawValue: "invalidValue")
        /// A number does not fit its field.
        public static let outOfRange = Code(rawValue: "outOfRange")
        /// An object has the same key twice.
        public static let duplicateKey = Code(rawValue: "duplicateKey")
        /// The document's `apiVersion` and `kind` name no type this package reads.
        public static let unsupportedKind = Code(rawValue: "unsupportedKind")
        /// The document exceeds a limit: nesting depth, size, or YAML alias expansion.
        public static let limitExceeded = Code(rawValue: "limitExceeded")
        /// The file could not be read.
        public static let unreadable = Code(rawValue: "unreadable")

        /// The code's name.
        public var description: String { rawValue }
    }

    /// What kind of problem this is.
    public var code: Code
    /// The file the document came from, when it came from a file.
    public var file: String?
    /// The position of the document in a multi-document stream, from zero; `nil` for the
    /// only document of a stream.
    public var documentIndex: Int?
    /// The field the problem concerns; the root for syntax errors.
    public var path: FieldPath
    /// The line of a syntax error, from one.
    public var line: Int?
    /// The column of a syntax error, from one.
    public var column: Int?
    /// What is wrong and, where it applies, what was expected and what was found.
    public var message: String

    /// Creates an error.
    public init(
        _ code: Code,
        path: FieldPath = .root,
        message: String,
        file: String? = nil,
        line: Int? = nil,
        column: Int? = nil,
        documentIndex: Int? = nil
    ) {
        self.code = code
        self.path = path
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.documentIndex = documentIndex
    }

    /// The error in `FILE:LINE:COLUMN: message` or `FILE: PATH: message` form.
    public var description: String {
        var text = file ?? "<input>"
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
            text += ": "
        } else {
            text += ": "
            if let documentIndex { text += "document \(documentIndex + 1): " }
            if !path.isRoot { text += "\(path): " }
        }
        return text + message
    }

    /// This error with the file and document position filled in where they are unknown.
    public func located(file: String?, documentIndex: Int?) -> ManifestError {
        var copy = self
        if copy.file == nil { copy.file = file }
        if copy.documentIndex == nil { copy.documentIndex = documentIndex }
        return copy
    }

    /// This error with its path placed under `prefix`.
    public func nested(under prefix: FieldPath) -> ManifestError {
        var copy = self
        copy.path = FieldPath(prefix.components + path.components)
        return copy
    }
}

extension ManifestError {
    /// A type mismatch: `expected an integer, found "three"`.
    ///
    /// - Parameters:
    ///   - expected: What belongs there, such as "an integer".
    ///   - value: What is there.
    ///   - path: Where it is.
    ///   - sensitive: Whether the value must not be quoted (secret data).
    package static func typeMismatch(
        expected: String, found value: JSONValue, at path: FieldPath, sensitive: Bool = false
    ) -> ManifestError {
        ManifestError(
            .typeMismatch, path: path,
            message: "expected \(expected), found \(describe(value, sensitive: sensitive))")
    }

    /// A short rendering of a value for messages, at most about 40 characters.
    package static func describe(_ value: JSONValue, sensitive: Bool = false) -> String {
        if sensitive { return value.kindDescription }
        switch value {
        case .string(let string):
            let escaped = string.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "\"": return "\\\""
                case "\\": return "\\\\"
                case "\n": return "\\n"
                case "\t": return "\\t"
                default:
                    return scalar.value < 0x20
                        ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
                }
            }.joined()
            let shortened = escaped.count > 40 ? String(escaped.prefix(37)) + "..." : escaped
            return "\"\(shortened)\""
        case .number(let number):
            let text = number.text
            return "number " + (text.count > 40 ? String(text.prefix(37)) + "..." : text)
        case .bool(let bool):
            return "boolean \(bool)"
        case .null, .array, .object:
            return value.kindDescription
        }
    }
}
