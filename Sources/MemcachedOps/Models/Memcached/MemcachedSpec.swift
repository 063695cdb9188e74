/// The desired state of a Memcached database.
///
/// Holds the fields of both `kubedb.com/v1` and `kubedb.com/v1alpha2`: `v1alpha2` uses
/// `terminationPolicy` and `autoOps` where `v1` uses `deletionPolicy`, `configuration`,
/// `authSecret` and `disableAuth`.
public struct MemcachedSpec: JSONRepresentable {
    /// The Memcached version, such as `1.6.40`; required.
    public var version: String?
    /// The number of pods; defaults to 1.
    public var replicas: Int32?
    /// Automatic ops settings (`v1alpha2` only).
    public var autoOps: AutoOpsSpec?
    /// The monitoring agent, kept as JSON.
    public var monitor: JSONValue?
    /// A secret holding custom configuration (older field).
    public var configSecret: LocalObjectReference?
    /// Custom configuration (`v1` only).
    public var configuration: MemcachedConfiguration?
    /// The authentication secret (`v1` only); `<db>-auth` by default.
    public var authSecret: SecretReference?
    /// Whether authentication is off (`v1` only).
    public var disableAuth: Bool?
    /// The data volume source, kept as JSON.
    public var dataVolume: JSONValue?
    /// The pod template, kept as JSON.
    public var podTemplate: JSONValue?
    /// Templates for the database's services.
    public var serviceTemplates: [NamedServiceTemplate]?
    /// The TLS configuration; absent means no TLS.
    public var tls: TLSConfig?
    /// Whether the database is halted.
    public var halted: Bool?
    /// What deleting the object deletes (`v1`); defaults to `Delete`.
    public var deletionPolicy: DeletionPolicy?
    /// What deleting the object deletes (`v1alpha2`).
    public var terminationPolicy: DeletionPolicy?
    /// How KubeDB checks the database's health.
    public var healthChecker: HealthCheckSpec?
    /// Fields this model does not name, kept in their places for writing back.
    public var preserved: PreservedFields

    /// Creates a value; fields left out stay unset.
    public init(
        version: String? = nil,
        replicas: Int32? = nil,
        autoOps: AutoOpsSpec? = nil,
        monitor: JSONValue? = nil,
        configSecret: LocalObjectReference? = nil,
        configuration: MemcachedConfiguration? = nil,
        authSecret: SecretReference? = nil,
        disableAuth: Bool? = nil,
        dataVolume: JSONValue? = nil,
        podTemplate: JSONValue? = nil,
        serviceTemplates: [NamedServiceTemplate]? = nil,
        tls: TLSConfig? = nil,
        halted: Bool? = nil,
        deletionPolicy: DeletionPolicy? = nil,
        terminationPolicy: DeletionPolicy? = nil,
        healthChecker: HealthCheckSpec? = nil,
        preserved: PreservedFields = PreservedFields()
    ) {
        self.version = version
        self.replicas = replicas
        self.autoOps = autoOps
        self.monitor = monitor
        self.configSecret = configSecret
        self.configuration = configuration
        self.authSecret = authSecret
        self.disableAuth = disableAuth
        self.dataVolume = dataVolume
        self.podTemplate = podTemplate
        self.serviceTemplates = serviceTemplates
        self.tls = tls
        self.halted = halted
        self.deletionPolicy = deletionPolicy
        self.terminationPolicy = terminationPolicy
        self.healthChecker = healthChecker
        self.preserved = preserved
    }

    /// Reads the value from its JSON form.
    public init(json: JSONValue, path: FieldPath) throws(ManifestError) {
        var reader = try ObjectReader(json, path: path)
        version = try reader.string("version")
        replicas = try reader.int32("replicas")
        autoOps = try reader.model("autoOps")
        monitor = reader.raw("monitor")
        configSecret = try reader.model("configSecret")
        configuration = try reader.model("configuration")
        authSecret = try reader.model("authSecret")
        disableAuth = try reader.bool("disableAuth")
        dataVolume = reader.raw("dataVolume")
        podTemplate = reader.raw("podTemplate")
        serviceTemplates = try reader.models("serviceTemplates")
        tls = try reader.model("tls")
        halted = try reader.bool("halted")
        deletionPolicy = try reader.enumeration("deletionPolicy")
        terminationPolicy = try reader.enumeration("terminationPolicy")
        healthChecker = try reader.model("healthChecker")
        preserved = reader.preserved()
    }

    /// The JSON form, in the original key order.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("version", version)
        writer.set("replicas", replicas)
        writer.set("autoOps", autoOps)
        writer.set("monitor", monitor)
        writer.set("configSecret", configSecret)
        writer.set("configuration", configuration)
        writer.set("authSecret", authSecret)
        writer.set("disableAuth", disableAuth)
        writer.set("dataVolume", dataVolume)
        writer.set("podTemplate", podTemplate)
        writer.set("serviceTemplates", serviceTemplates)
        writer.set("tls", tls)
        writer.set("halted", halted)
        writer.set("deletionPolicy", deletionPolicy)
        writer.set("terminationPolicy", terminationPolicy)
        writer.set("healthChecker", healthChecker)
        return writer.finish(preserved)
    }
}
