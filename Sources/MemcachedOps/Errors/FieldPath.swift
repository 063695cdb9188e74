/// The place of a field inside a document, such as `spec.tls.certificates[1].ipAddresses[0]`.
///
/// Keys that are not plain identifiers are written in brackets and quotes:
/// `metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path: an object key or an array index.
    public enum Component: Sendable, Hashable {
        /// A key of an object.
        case key(String)
        /// A position in an array, from zero.
        case index(Int)
    }

    /// The steps from the document's root.
    public var components: [Component]

    /// Creates a path from its steps.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The root of a document.
    public static let root = FieldPath()

    /// Whether this is the root of the document.
    public var isRoot: Bool { components.isEmpty }

    /// This path followed by an object key.
    public func appending(_ key: String) -> FieldPath {
        FieldPath(components + [.key(key)])
    }

    /// This path followed by an array index.
    public func appending(index: Int) -> FieldPath {
        FieldPath(components + [.index(index)])
    }

    /// Creates a path from a dotted string such as `spec.tls.certificates[0].alias`.
    ///
    /// Meant for literals in code and tests; bracketed quoted keys are understood.
    public init(parsing text: String) {
        var components: [Component] = []
        var current = ""
        let characters = Array(text)
        var position = 0
        func flush() {
            if !current.isEmpty { components.append(.key(current)) }
            current = ""
        }
        while position < characters.count {
            let character = characters[position]
            if character == "." {
                flush()
            } else if character == "[" {
                flush()
                var inner = ""
                position += 1
                while position < characters.count, characters[position] != "]" {
                    inner.append(characters[position])
                    position += 1
                }
                if inner.hasPrefix("\""), inner.hasSuffix("\""), inner.count >= 2 {
                    components.append(.key(String(inner.dropFirst().dropLast())))
                } else if let index = Int(inner) {
                    components.append(.index(index))
                } else {
                    components.append(.key(inner))
                }
            } else {
                current.append(character)
            }
            position += 1
        }
        flush()
        self.components = components
    }

    /// The path as text; the root is written as `(root)`.
    public var description: String {
        if components.isEmpty { return "(root)" }
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key):
                if Self.isPlain(key) {
                    if !text.isEmpty { text += "." }
                    text += key
                } else {
                    text += "[\"\(key)\"]"
                }
            }
        }
        return text
    }

    private static func isPlain(_ key: String) -> Bool {
        guard !key.isEmpty else { return false }
        return key.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}

extension FieldPath: ExpressibleByStringLiteral {
    /// Creates a path from a dotted literal such as `"spec.tls.issuerRef"`.
    public init(stringLiteral value: String) {
        self.init(parsing: value)
    }
}
