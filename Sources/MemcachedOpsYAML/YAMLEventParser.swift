import CYAML
import MemcachedOps

/// Builds ``JSONValue`` documents from libyaml's parse events.
///
/// libyaml's event parser is itself iterative; this builder keeps its own explicit stack of
/// open sequences and mappings, so no input can exhaust the thread's stack. It checks the
/// reading limits as events arrive and stops at the first problem.
struct YAMLEventParser: ~Copyable {
    /// A sequence or mapping that is still open.
    private struct Frame {
        var isMapping: Bool
        /// Where its elements (sequences) or members (mappings) start on their stack.
        var start: Int
        /// The node count when the collection started, to size its anchor.
        var nodeCountAtStart: Int
        /// Where its merged mappings start on the merge stack.
        var mergeStart: Int
        /// The height of the tallest child so far.
        var childHeight = 0
        /// For mappings: whether the next node is a key.
        var expectingKey = true
        /// Whether the key being read is the merge key `<<`.
        var keyIsMerge = false
        var sawMergeKey = false
    }

    /// A node that carries an anchor, for the aliases that re-use it.
    private struct Anchored {
        var value: JSONValue
        /// The nodes in the value, aliases expanded.
        var nodeCount: Int
        /// The nesting depth the value adds.
        var height: Int
        /// The text to use when an alias to a scalar is a mapping key.
        var keyText: String?
    }

    /// A finished node, ready to be placed in its parent.
    private struct Node {
        var value: JSONValue
        var height: Int
        var keyText: String?
        var isMergeKey = false
    }

    private static let linearKeySearchLimit = 12

    private let limits: ReadingLimits
    private var frames: [Frame] = []
    /// The anchor of each open collection, parallel to `frames`.
    private var frameAnchors: [String?] = []
    /// The keys of each open mapping once it is too large for a linear search, parallel
    /// to `frames`.
    private var keySets: [Set<String>?] = []
    /// The elements of the open sequences, innermost last.
    private var elements = ElementStack<JSONValue>()
    /// The members of the open mappings, innermost last; a member's value is `null` until
    /// it has been read.
    private var members = ElementStack<JSONObject.Entry>()
    /// The mappings merged into the open mappings with `<<`, each with the number of
    /// members before it.
    private var merges: [(position: Int, source: JSONObject)] = []
    private var anchors: [String: Anchored] = [:]
    private var strings = StringCache()
    private var nodeCount = 0
    private var root: JSONValue?
    private var rootIsEmpty = false
    private var documentLine = 1

    /// The documents read so far, empty ones left out.
    private(set) var documents: [ParsedDocument] = []
    /// The number of documents started so far, empty ones included.
    private(set) var documentsStarted = 0

    /// Creates a builder that enforces `limits`.
    init(limits: ReadingLimits) {
        self.limits = limits
    }

    /// Takes one event; returns `true` at the end of the stream.
    mutating func handle(_ event: inout yaml_event_t) throws(ManifestError) -> Bool {
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return false
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            guard documentsStarted < limits.maxDocuments else {
                throw limits.documentCountError(line: Int(event.start_mark.line) + 1)
            }
            documentsStarted += 1
            documentLine = Int(event.start_mark.line) + 1
            anchors.removeAll(keepingCapacity: true)
            root = nil
            rootIsEmpty = false
        case YAML_DOCUMENT_END_EVENT:
            if let root, !rootIsEmpty {
                documents.append(
                    ParsedDocument(value: root, index: documents.count, line: documentLine))
            }
            root = nil
        case YAML_SCALAR_EVENT:
            try handleScalar(&event)
        case YAML_ALIAS_EVENT:
            try handleAlias(&event)
        case YAML_SEQUENCE_START_EVENT:
            try open(isMapping: false, anchor: event.data.sequence_start.anchor, event: event)
        case YAML_MAPPING_START_EVENT:
            try open(isMapping: true, anchor: event.data.mapping_start.anchor, event: event)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try close(event: event)
        default:
            break
        }
        return false
    }

    // MARK: - Nodes

    private mutating func open(
        isMapping: Bool, anchor: UnsafeMutablePointer<yaml_char_t>?, event: yaml_event_t
    ) throws(ManifestError) {
        if isInKeyPosition {
            throw error(.invalidValue, "mapping keys must be scalars", event: event)
        }
        guard frames.count < limits.maxDepth else {
            throw limits.depthError(
                line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        }
        frames.append(
            Frame(
                isMapping: isMapping, start: isMapping ? members.count : elements.count,
                nodeCountAtStart: nodeCount, mergeStart: merges.count))
        frameAnchors.append(anchor.map { String(cString: $0) })
        keySets.append(nil)
        nodeCount += 1
    }

    private mutating func close(event: yaml_event_t) throws(ManifestError) {
        guard let frame = frames.popLast() else { return }
        let anchor = frameAnchors.removeLast()
        keySets.removeLast()
        let value: JSONValue
        if frame.isMapping {
            let object = JSONObject(uncheckedEntries: members.popArray(from: frame.start))
            if merges.count > frame.mergeStart {
                value = .object(Self.merged(object, merges[frame.mergeStart...]))
                merges.removeSubrange(frame.mergeStart...)
            } else {
                value = .object(object)
            }
        } else {
            value = .array(elements.popArray(from: frame.start))
        }
        let height = frame.childHeight + 1
        if let anchor {
            anchors[anchor] = Anchored(
                value: value, nodeCount: nodeCount - frame.nodeCountAtStart, height: height)
        }
        try place(Node(value: value, height: height), event: event)
    }

    /// The mapping's own members with the merged mappings' members placed where their
    /// `<<` key stood, leaving out keys the mapping sets itself or an earlier merge set.
    private static func merged(
        _ object: JSONObject, _ merges: ArraySlice<(position: Int, source: JSONObject)>
    ) -> JSONObject {
        var seen = Set(object.entries.map(\.key))
        var result: [JSONObject.Entry] = []
        var nextMerge = merges.startIndex
        func insertMerges(upTo position: Int) {
            while nextMerge < merges.endIndex, merges[nextMerge].position <= position {
                for entry in merges[nextMerge].source.entries
                where seen.insert(entry.key).inserted {
                    result.append(entry)
                }
                nextMerge += 1
            }
        }
        for (position, entry) in object.entries.enumerated() {
            insertMerges(upTo: position)
            result.append(entry)
        }
        insertMerges(upTo: Int.max)
        return JSONObject(uncheckedEntries: result)
    }

    private mutating func handleScalar(_ event: inout yaml_event_t) throws(ManifestError) {
        nodeCount += 1
        let scalar = event.data.scalar
        let text = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
        let tag = YAMLTag(scalar.tag)
        let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE
        let anchor = scalar.anchor.map { String(cString: $0) }

        var node: Node
        if isInKeyPosition {
            let keyText = strings.key(text)
            let isMerge = (isPlain && tag == .none && keyText == "<<") || tag == .merge
            node = Node(value: .string(keyText), height: 0, keyText: keyText, isMergeKey: isMerge)
            if anchor != nil, let value = try? resolve(text, tag: tag, isPlain: isPlain, event) {
                node.value = value
            }
        } else {
            node = Node(value: try resolve(text, tag: tag, isPlain: isPlain, event), height: 0)
            if frames.isEmpty {
                rootIsEmpty = text.isEmpty && isPlain && tag == .none && anchor == nil
            }
        }
        if let anchor {
            anchors[anchor] = Anchored(
                value: node.value, nodeCount: 1, height: 0, keyText: node.keyText)
        }
        try place(node, event: event)
    }

    /// Whether the next node is a key of the innermost mapping.
    private var isInKeyPosition: Bool {
        let top = frames.count - 1
        return top >= 0 && frames[top].isMapping && frames[top].expectingKey
    }

    private mutating func handleAlias(_ event: inout yaml_event_t) throws(ManifestError) {
        guard let namePointer = event.data.alias.anchor else { return }
        let name = String(cString: namePointer)
        guard let anchored = anchors[name] else {
            throw error(.syntax, "unknown anchor '\(name)' referenced by an alias", event: event)
        }
        nodeCount += anchored.nodeCount
        guard nodeCount <= limits.maxAliasExpansion else {
            throw error(
                .limitExceeded,
                "too many alias expansions (possible alias bomb): more than "
                    + "\(limits.maxAliasExpansion) nodes", event: event)
        }
        guard frames.count + anchored.height <= limits.maxDepth else {
            throw error(
                .limitExceeded,
                "alias '\(name)' nests deeper than the limit of \(limits.maxDepth) levels",
                event: event)
        }
        var keyText = anchored.keyText
        if keyText == nil {
            switch anchored.value {
            case .string(let string): keyText = string
            case .number(let number): keyText = number.text
            case .bool(let bool): keyText = bool ? "true" : "false"
            case .null: keyText = "null"
            case .array, .object: keyText = nil
            }
        }
        try place(
            Node(value: anchored.value, height: anchored.height, keyText: keyText),
            event: event)
    }

    /// Puts a finished node into the open collection, or makes it the document's root.
    private mutating func place(_ node: Node, event: yaml_event_t) throws(ManifestError) {
        let top = frames.count - 1
        guard top >= 0 else {
            root = node.value
            return
        }
        frames[top].childHeight = max(frames[top].childHeight, node.height)
        guard frames[top].isMapping else {
            elements.push(node.value)
            return
        }
        if frames[top].expectingKey {
            guard let key = node.keyText else {
                throw error(.invalidValue, "mapping keys must be scalars", event: event)
            }
            if node.isMergeKey {
                guard !frames[top].sawMergeKey else { throw duplicateKey("<<", event: event) }
                frames[top].sawMergeKey = true
                frames[top].keyIsMerge = true
            } else {
                if isDuplicate(key, inFrame: top) { throw duplicateKey(key, event: event) }
                members.push(JSONObject.Entry(key: key, value: .null))
                keySets[top]?.insert(key)
            }
            frames[top].expectingKey = false
            return
        }
        if frames[top].keyIsMerge {
            try addMerge(node.value, position: members.count - frames[top].start, event: event)
        } else {
            members[members.count - 1].value = node.value
        }
        frames[top].expectingKey = true
        frames[top].keyIsMerge = false
    }

    private mutating func addMerge(_ value: JSONValue, position: Int, event: yaml_event_t)
        throws(ManifestError)
    {
        switch value {
        case .object(let object):
            merges.append((position, object))
        case .array(let array):
            for element in array {
                guard case .object(let object) = element else { throw mergeError(event: event) }
                merges.append((position, object))
            }
        default:
            throw mergeError(event: event)
        }
    }

    private mutating func isDuplicate(_ key: String, inFrame frame: Int) -> Bool {
        if let keySet = keySets[frame] { return keySet.contains(key) }
        let start = frames[frame].start
        if members.count - start < Self.linearKeySearchLimit {
            let length = key.utf8.count
            for index in start..<members.count
            where members[index].key.utf8.count == length && members[index].key == key {
                return true
            }
            return false
        }
        var keySet = Set<String>(minimumCapacity: 2 * (members.count - start))
        for index in start..<members.count { keySet.insert(members[index].key) }
        keySets[frame] = keySet
        return keySet.contains(key)
    }

    // MARK: - Scalars

    /// The value of a scalar: quoted and block scalars are strings, plain scalars resolve
    /// as Kubernetes resolves them, and the standard tags are honored.
    private mutating func resolve(
        _ text: UnsafeBufferPointer<UInt8>, tag: YAMLTag, isPlain: Bool, _ event: yaml_event_t
    ) throws(ManifestError) -> JSONValue {
        let resolved: YAMLPlainScalar
        switch tag {
        case .none where isPlain, .null, .bool, .int, .float:
            resolved = YAMLScalarResolver.resolve(text)
        case .none, .string, .merge, .other:
            return .string(strings.string(text))
        }
        switch (resolved, tag) {
        case (.null, .none), (.null, .null):
            return .null
        case (.bool(let bool), .none), (.bool(let bool), .bool):
            return .bool(bool)
        case (.integer(let number), .none), (.integer(let number), .int),
            (.integer(let number), .float), (.float(let number), .none),
            (.float(let number), .float):
            return .number(JSONNumber(validatedText: number))
        case (.string, .none), (.merge, .none):
            return .string(strings.string(text))
        case (.nonFinite, .none), (.nonFinite, .float):
            throw error(
                .invalidValue,
                "'\(String(decoding: text, as: UTF8.self))' is not a number JSON can hold "
                    + "(infinity and NaN are not allowed)", event: event)
        default:
            let shown = ManifestError.describe(.string(String(decoding: text, as: UTF8.self)))
            throw error(.invalidValue, "cannot read \(shown) as \(tag.name)", event: event)
        }
    }

    // MARK: - Errors

    /// Where the builder is now, as a field path.
    private var currentPath: FieldPath {
        var components: [FieldPath.Component] = []
        for (depth, frame) in frames.enumerated() {
            let deeper = frames[(depth + 1)...]
            if !frame.isMapping {
                let end = deeper.first(where: { !$0.isMapping })?.start ?? elements.count
                components.append(.index(end - frame.start))
            } else if frame.keyIsMerge {
                components.append(.key("<<"))
            } else if !frame.expectingKey {
                let end = deeper.first(where: \.isMapping)?.start ?? members.count
                components.append(.key(members[end - 1].key))
            }
        }
        return FieldPath(components)
    }

    private func error(_ code: ManifestError.Code, _ message: String, event: yaml_event_t)
        -> ManifestError
    {
        ManifestError(
            code, path: currentPath, message: message, line: Int(event.start_mark.line) + 1,
            column: Int(event.start_mark.column) + 1)
    }

    private func duplicateKey(_ key: String, event: yaml_event_t) -> ManifestError {
        let path = currentPath.appending(key)
        var error = error(.duplicateKey, "duplicate key \"\(key)\" at \(path)", event: event)
        error.path = path
        return error
    }

    private func mergeError(event: yaml_event_t) -> ManifestError {
        error(
            .invalidValue,
            "the value of a merge key '<<' must be a mapping or a sequence of mappings",
            event: event)
    }
}
