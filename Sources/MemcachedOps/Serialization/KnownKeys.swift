/// The keys Kubernetes manifests use most, as a read-only hash table of string literals.
///
/// Readers look every object key up here before they make a `String` for it. A key found
/// here comes back as a string literal: nothing is allocated, copied or validated, copies
/// of it are never reference counted, and comparing it with the same literal in a model is
/// quick. A key missing from the list is read as usual, just a little more slowly.
///
/// The table is built once, on first use, and never changes after, so any number of
/// readers may share it.
package final class KnownKeys: @unchecked Sendable {
    /// The table every reader shares.
    package static let shared = KnownKeys(keys: knownKeys)

    /// One slot of the open-addressed table.
    private struct Slot {
        /// Where the key's bytes start in ``text``.
        var offset: Int32 = 0
        /// The key's UTF-8 length; 0 for an empty slot.
        var length: Int32 = 0
        /// The key's position in ``strings``.
        var index: Int32 = 0
    }

    private let mask: Int
    private let slots: UnsafeMutablePointer<Slot>
    /// The bytes of every key one after another, then eight zero bytes, so that eight bytes
    /// can be loaded from the start of any key.
    private let text: UnsafeMutableRawPointer
    private let strings: [String]

    private init(keys: [String]) {
        var capacity = 16
        while capacity < keys.count * 3 { capacity *= 2 }
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Slot(), count: capacity)
        let byteCount = keys.reduce(0) { $0 + $1.utf8.count }
        text = .allocate(byteCount: byteCount + 8, alignment: 8)
        text.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount + 8)
        strings = keys
        var offset = 0
        for (index, key) in keys.enumerated() {
            let length = key.utf8.count
            let start = text + offset
            for (position, byte) in key.utf8.enumerated() {
                start.storeBytes(of: byte, toByteOffset: position, as: UInt8.self)
            }
            let hash = TextHash.hash(UnsafeRawPointer(start), count: length, readable: length + 8)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot].length != 0 {
                let existing = slots[slot]
                if existing.length == length,
                    TextHash.equal(
                        UnsafeRawPointer(text + Int(existing.offset)), UnsafeRawPointer(start),
                        count: length)
                {
                    break
                }
                slot = (slot + 1) & mask
            }
            if slots[slot].length == 0, length > 0 {
                slots[slot] = Slot(
                    offset: Int32(offset), length: Int32(length), index: Int32(index))
            }
            offset += length
        }
    }

    deinit {
        slots.deallocate()
        text.deallocate()
    }

    /// The known key with the `count` bytes at `start`, whose
    /// ``TextHash/hash(_:count:readable:)`` is `hash`, or `nil` when the key is not known;
    /// `readable` bytes from `start` on, at least `count`, may be read.
    @inline(__always)
    package func key(
        _ start: UnsafeRawPointer, count: Int, readable: Int, hash: UInt64
    ) -> String? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let candidate = slots[slot]
            if candidate.length == 0 { return nil }
            if Int(candidate.length) == count,
                TextHash.equal(
                    UnsafeRawPointer(text + Int(candidate.offset)), start, count: count,
                    readable: readable)
            {
                return strings[Int(candidate.index)]
            }
            slot = (slot + 1) & mask
        }
    }
}

/// Hashing and comparing short runs of bytes a word at a time, for ``KnownKeys`` and
/// ``StringCache``.
package enum TextHash {
    /// A hash of the `count` bytes at `start`, from their length and their first and last
    /// eight bytes.
    ///
    /// `readable` bytes from `start` on, at least `count`, may be read; with eight or more,
    /// short text is read with one load.
    @inline(__always)
    package static func hash(_ start: UnsafeRawPointer, count: Int, readable: Int) -> UInt64 {
        let head = prefixWord(start, count: count, readable: readable)
        let tail =
            count > 8
            ? UInt64(littleEndian: start.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            : 0
        return mix(head: head, tail: tail, count: count)
    }

    /// The hash of all of `bytes`, as ``hash(_:count:readable:)`` gives it.
    package static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let start = bytes.baseAddress else { return mix(head: 0, tail: 0, count: 0) }
        return hash(start, count: bytes.count, readable: bytes.count)
    }

    @inline(__always)
    private static func mix(head: UInt64, tail: UInt64, count: Int) -> UInt64 {
        var hash = (head ^ (tail << 29 | tail >> 35)) &+ UInt64(truncatingIfNeeded: count)
        hash = (hash ^ hash >> 32) &* 0x9E37_79B9_7F4A_7C15
        return hash ^ hash >> 29
    }

    /// The first `min(count, 8)` bytes at `start` as the low bytes of a word.
    @inline(__always)
    private static func prefixWord(_ start: UnsafeRawPointer, count: Int, readable: Int)
        -> UInt64
    {
        if count >= 8 {
            return UInt64(littleEndian: start.loadUnaligned(as: UInt64.self))
        }
        if readable >= 8 {
            let word = UInt64(littleEndian: start.loadUnaligned(as: UInt64.self))
            return word & ((1 &<< UInt64(count &* 8)) &- 1)
        }
        var word: UInt64 = 0
        for index in 0..<count {
            word |= UInt64(start.load(fromByteOffset: index, as: UInt8.self)) &<< (index &* 8)
        }
        return word
    }

    /// Whether the `count` bytes at `known` and at `other` are the same, where eight bytes
    /// may always be read from `known` and `readable` bytes from `other`.
    @inline(__always)
    package static func equal(
        _ known: UnsafeRawPointer, _ other: UnsafeRawPointer, count: Int, readable: Int
    ) -> Bool {
        guard count >= 8 else {
            return prefixWord(known, count: count, readable: 8)
                == prefixWord(other, count: count, readable: readable)
        }
        return equal(known, other, count: count)
    }

    /// Whether the `count` bytes at `left` and `right` are the same; `count` must be at
    /// least 8.
    @inline(__always)
    package static func equal(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, count: Int)
        -> Bool
    {
        if count < 8 {
            return prefixWord(left, count: count, readable: count)
                == prefixWord(right, count: count, readable: count)
        }
        var offset = 0
        while offset + 8 <= count {
            guard
                left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            else { return false }
            offset += 8
        }
        let last = count - 8
        return left.loadUnaligned(fromByteOffset: last, as: UInt64.self)
            == right.loadUnaligned(fromByteOffset: last, as: UInt64.self)
    }
}

/// The keys in ``KnownKeys``: those the models read, then common ones of pod templates,
/// object metadata and status.
private let knownKeys: [String] = [
    // Read by the models.
    "acme", "activeFrom", "algorithm", "alias", "annotations", "apiGroup", "apiVersion",
    "apply", "applyConfig", "authSecret", "authentication", "autoOps", "ca", "certificates",
    "commonName", "conditions", "configSecret", "configuration", "countries",
    "creationTimestamp", "crlDistributionPoints", "data", "dataVolume", "databaseRef",
    "deletionGracePeriodSeconds", "deletionPolicy", "deletionTimestamp", "disableAuth",
    "disableWriteCheck", "disabled", "dnsNames", "duration", "emailAddresses", "encoding",
    "exporter", "externallyManaged", "failedIssuanceAttempts", "failureThreshold",
    "finalizers", "generateName", "generation", "group", "halted", "healthChecker",
    "horizontalScaling", "immutable", "inline", "ipAddresses", "isCA", "issuerRef", "kind",
    "labels", "lastFailureTime", "lastTransitionTime", "localities", "managedFields",
    "maxRetries", "memcached", "message", "metadata", "mode", "monitor", "name", "namespace",
    "nextPrivateKeySecretName", "notAfter", "notBefore", "observedGeneration", "ocspServers",
    "organizationalUnits", "organizations", "ownerReferences", "pausedBackups",
    "periodSeconds", "phase", "podTemplate", "postalCodes", "privateKey", "provinces",
    "readinessCriteria", "reason", "remove", "removeCustomConfig", "renewBefore",
    "renewalTime", "replicas", "resourceVersion", "restart", "revision",
    "revisionHistoryLimit", "rotateAfter", "rotateCertificates", "rotationPolicy",
    "secretName", "secretRef", "secretStoreName", "secretTemplate", "selfSigned",
    "serialNumber", "serviceTemplates", "severity", "size", "spec", "status",
    "streetAddresses", "stringData", "subject", "targetVersion", "terminationPolicy",
    "timeout", "timeoutSeconds", "tls", "type", "uid", "updateVersion", "uris", "usages",
    "vault", "venafi", "version", "verticalScaling", "volumeExpansion",
    // Object metadata, owner references and managed fields.
    "blockOwnerDeletion", "controller", "fieldsType", "fieldsV1", "manager", "operation",
    "subresource", "time", "app.kubernetes.io/component", "app.kubernetes.io/instance",
    "app.kubernetes.io/managed-by", "app.kubernetes.io/name", "app.kubernetes.io/part-of",
    "kubectl.kubernetes.io/last-applied-configuration",
    // Pod templates.
    "affinity", "allowPrivilegeEscalation", "args", "capabilities", "command", "configMap",
    "containerPort", "containers", "cpu", "drop", "effect", "emptyDir", "env", "envFrom",
    "fsGroup", "image", "imagePullPolicy", "imagePullSecrets", "initContainers", "key",
    "limits", "livenessProbe", "memory", "mountPath", "nodeSelector", "operator",
    "podPlacementPolicy", "ports", "priorityClassName", "protocol", "readOnly",
    "readinessProbe", "requests", "resources", "runAsGroup", "runAsNonRoot", "runAsUser",
    "seccompProfile", "securityContext", "serviceAccountName", "storage",
    "storageClassName", "tolerations", "value", "valueFrom", "volumeMounts", "volumes",
    // Services, storage and status.
    "accessModes", "clusterIP", "port", "selector", "targetPort", "gateway", "hostname",
    "ip", "secretKeyRef", "items", "path", "lastUpdateTime", "observedGenerationHash",
]
