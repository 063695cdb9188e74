import CYAML

/// The tag of a YAML scalar, as far as reading it into JSON is concerned.
enum YAMLTag: Equatable {
    /// No tag: the scalar's style and text decide.
    case none
    /// `!!str`: always a string.
    case string
    /// `!!null`.
    case null
    /// `!!bool`.
    case bool
    /// `!!int`.
    case int
    /// `!!float`.
    case float
    /// `!!merge`, the merge key.
    case merge
    /// Any other tag, such as `!!binary`, `!!timestamp`, `!` or a local `!tag`: the text is
    /// kept as a string, as go-yaml v2 keeps it.
    case other

    private static let prefix = Array("tag:yaml.org,2002:".utf8)

    /// The tag libyaml reports, already expanded (`!!int` arrives as
    /// `tag:yaml.org,2002:int`); `nil` for none.
    init(_ pointer: UnsafeMutablePointer<yaml_char_t>?) {
        guard let pointer else {
            self = .none
            return
        }
        var length = 0
        while pointer[length] != 0 { length += 1 }
        let bytes = UnsafeBufferPointer(start: pointer, count: length)
        guard length > Self.prefix.count, bytes.starts(with: Self.prefix) else {
            self = .other
            return
        }
        switch String(decoding: bytes[Self.prefix.count...], as: UTF8.self) {
        case "str": self = .string
        case "null": self = .null
        case "bool": self = .bool
        case "int": self = .int
        case "float": self = .float
        case "merge": self = .merge
        default: self = .other
        }
    }

    /// The short name for messages, such as `!!int`.
    var name: String {
        switch self {
        case .none: return "untagged"
        case .string: return "!!str"
        case .null: return "!!null"
        case .bool: return "!!bool"
        case .int: return "!!int"
        case .float: return "!!float"
        case .merge: return "!!merge"
        case .other: return "a tagged value"
        }
    }
}
