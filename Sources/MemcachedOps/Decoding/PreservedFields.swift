/// The fields of a JSON object that a model does not name, and the order of all its keys.
///
/// Every model keeps one, so that reading a manifest, changing a typed field and writing it
/// back keeps everything else exactly where it was: a pod template, monitoring settings,
/// fields of a newer KubeDB.
public struct PreservedFields: Sendable, Hashable {
    /// Where the key order comes from.
    ///
    /// A reader keeps the object it read, which costs a reference, and the keys are listed
    /// only when something asks for them, usually when the model is written back.
    private enum KeyOrder: Sendable {
        /// The keys of an object, in its order.
        case object(JSONObject)
        /// A list of keys.
        case keys([String])
    }

    /// The fields the model does not name, in document order.
    ///
    /// Adding a field here writes it after the original keys.
    public var fields: JSONObject

    private var keyOrderSource: KeyOrder

    /// Every key of the original object in document order.
    package var keyOrder: [String] {
        get {
            switch keyOrderSource {
            case .object(let object): return object.keys
            case .keys(let keys): return keys
            }
        }
        set { keyOrderSource = .keys(newValue) }
    }

    /// Named fields that the document set to `null`, written back as `null` while unset.
    package var nullKeys: [String]

    /// Creates an empty set: nothing preserved, keys in the model's own order.
    public init() {
        fields = JSONObject()
        keyOrderSource = .keys([])
        nullKeys = []
    }

    package init(fields: JSONObject, keyOrder: [String], nullKeys: [String]) {
        self.fields = fields
        self.keyOrderSource = .keys(keyOrder)
        self.nullKeys = nullKeys
    }

    /// Creates a set whose key order is that of `object`, without listing its keys.
    package init(fields: JSONObject, keyOrderOf object: JSONObject, nullKeys: [String]) {
        self.fields = fields
        self.keyOrderSource = .object(object)
        self.nullKeys = nullKeys
    }

    /// Calls `body` with every key of the original object in document order.
    package func forEachKeyInOrder(_ body: (String) -> Void) {
        switch keyOrderSource {
        case .object(let object):
            for index in object.entries.indices { body(object.entries[index].key) }
        case .keys(let keys):
            for key in keys { body(key) }
        }
    }

    /// Two sets are equal when they hold the same unnamed fields with the same values.
    ///
    /// Key order is left out, so two models that say the same thing are equal however
    /// their documents were laid out; compare ``JSONRepresentable/json`` to include it.
    public static func == (lhs: PreservedFields, rhs: PreservedFields) -> Bool {
        guard lhs.fields.count == rhs.fields.count else { return false }
        return lhs.fields.allSatisfy { entry in rhs.fields[entry.key] == entry.value }
    }

    /// Hashes what ``==`` compares: the number of unnamed fields.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields.count)
    }
}
