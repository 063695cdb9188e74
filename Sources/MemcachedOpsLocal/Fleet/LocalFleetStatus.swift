import MemcachedOps

/// What a fleet looks like now: its database, each pod as it answers, its issuers and its
/// requests. Made by ``LocalFleet/status()``; `mcops local status` prints it.
public struct LocalFleetStatus: Sendable, Hashable {
    /// One pod, as recorded and as it answered.
    public struct Pod: Sendable, Hashable {
        /// The pod's name.
        public var name: String
        /// Its port on 127.0.0.1.
        public var port: Int
        /// Its memcached's pid, when it runs.
        public var pid: Int32?
        /// Whether a `version` round trip over its protocol worked.
        public var ready: Bool
        /// Whether it is configured with TLS.
        public var tls: Bool
        /// The SHA-256 fingerprint of the certificate it presented, for a TLS pod that
        /// answered.
        public var certificateSHA256: String?
        /// How many times it was restarted.
        public var restartCount: Int
        /// How many times it reloaded its certificate.
        public var reloadCount: Int
    }

    /// One issuer.
    public struct IssuerEntry: Sendable, Hashable {
        /// The issuer's name.
        public var name: String
        /// `Issuer` or `ClusterIssuer`.
        public var kind: String
        /// The CA certificate clients trust.
        public var caFile: String
        /// Whether it is `Ready`.
        public var ready: Bool
    }

    /// One ops request.
    public struct RequestEntry: Sendable, Hashable {
        /// The request's name.
        public var name: String
        /// Its phase, if it has one yet.
        public var phase: String?
        /// Its status conditions.
        public var conditions: [Condition]
    }

    /// The Memcached object, its phase from the pods' readiness.
    public var database: Memcached
    /// The pods in ordinal order.
    public var pods: [Pod]
    /// The issuers by name.
    public var issuers: [IssuerEntry]
    /// The requests by name.
    public var requests: [RequestEntry]

    /// The JSON form `mcops local status --output json` prints: `database`, `pods` (each
    /// `name`, `port`, `pid`, `ready`, `tls`, `certificateSHA256`, `restartCount`,
    /// `reloadCount`), `issuers` (each `name`, `kind`, `caFile`, `ready`) and `requests`
    /// (each `name`, `phase`, `conditions`).
    public var json: JSONValue {
        var object = JSONObject()
        object["database"] = database.json
        object["pods"] = .array(
            pods.map { pod in
                var entry = JSONObject()
                entry["name"] = .string(pod.name)
                entry["port"] = .number(JSONNumber(pod.port))
                entry["pid"] = pod.pid.map { .number(JSONNumber(Int($0))) } ?? .null
                entry["ready"] = .bool(pod.ready)
                entry["tls"] = .bool(pod.tls)
                entry["certificateSHA256"] = pod.certificateSHA256.map { .string($0) } ?? .null
                entry["restartCount"] = .number(JSONNumber(pod.restartCount))
                entry["reloadCount"] = .number(JSONNumber(pod.reloadCount))
                return .object(entry)
            })
        object["issuers"] = .array(
            issuers.map { issuer in
                var entry = JSONObject()
                entry["name"] = .string(issuer.name)
                entry["kind"] = .string(issuer.kind)
                entry["caFile"] = .string(issuer.caFile)
                entry["ready"] = .bool(issuer.ready)
                return .object(entry)
            })
        object["requests"] = .array(
            requests.map { request in
                var entry = JSONObject()
                entry["name"] = .string(request.name)
                entry["phase"] = request.phase.map { .string($0) } ?? .null
                entry["conditions"] = .array(request.conditions.map(\.json))
                return .object(entry)
            })
        return .object(object)
    }
}
