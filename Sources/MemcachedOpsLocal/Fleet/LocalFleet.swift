import MemcachedOps
import MemcachedOpsRuntime
import MemcachedOpsTLS

/// A Memcached database whose cluster is a directory and whose pods are real `memcached`
/// processes on 127.0.0.1, with real certificates: a transport the reconciler drives.
///
/// The directory holds everything a Kubernetes cluster would: the Memcached object, the
/// ops requests with their status, cert-manager issuers (each a CA) and Certificates with
/// their secrets, and each pod's port, pid and mounted certificate files (see
/// `Documentation/LocalFleet.md` for the layout). Pods keep running after the process that
/// started them exits, so any later process can ``open(at:probeTimeout:logger:)`` the
/// fleet and carry on.
///
/// ```swift
/// let fleet = try await LocalFleet.create(at: "/tmp/fleet", database: "memcd", replicas: 3)
/// let request = try fleet.record(rotateRequest)
/// let outcome = try await Reconciler(transport: fleet).run(request)
/// try await fleet.stop()
/// ```
///
/// ## How steps are carried out
///
/// - Restart (`evictPod`): stop the pod's memcached by pid and wait until it is gone, put
///   the desired certificate files in the pod's own directory, start it again with `-Z` and
///   their paths (or without TLS). The next `waitForPodReady` brings back a pod that died.
/// - Reload (`reloadPod`): copy the new files beside the pod's, check them with
///   `ReloadPreflight`, rename them into place, send `refresh_certs`, and confirm with a
///   new handshake that the pod presents the new certificate. A refused check leaves the
///   pod's files and what it serves as they were.
/// - Certificates: applying or re-issuing one issues it at once through its issuer's CA,
///   as cert-manager would; an issuer that does not exist leaves it not Ready.
/// - Removing TLS: pods restart without TLS; certificates are deleted once no pod mounts
///   them.
///
/// Every step is idempotent: performing it again after it took effect does nothing.
///
/// The class holds no mutable state of the fleet: everything lives in the directory,
/// changed under a file lock, so it is `Sendable` and several processes may share a
/// fleet. It only remembers, as a hint for observing, what certificate each TLS pod was
/// last seen to serve (see ``ServedCertificates``).
public final class LocalFleet: Sendable {
    /// The fleet's directory, as an absolute path.
    public let directory: String

    /// The Memcached object's name.
    public let databaseName: String

    /// The Memcached object's namespace.
    public let namespace: String

    /// The limit for connecting to a pod and for each round trip when checking it.
    public let probeTimeout: Duration

    /// Where the fleet's log records go.
    public let logger: OpsLogger

    let layout: FleetLayout
    let settings: FleetSettings
    let lock: FleetLock
    let served = ServedCertificates()

    init(directory: String, settings: FleetSettings, probeTimeout: Duration, logger: OpsLogger) {
        self.directory = directory
        self.databaseName = settings.database
        self.namespace = settings.namespace
        self.probeTimeout = probeTimeout
        self.logger = logger
        self.layout = FleetLayout(root: directory)
        self.settings = settings
        self.lock = FleetLock(path: FleetLayout(root: directory).lockFile)
    }

    /// Whether the fleet's pods run in memcached's restartable mode (`-e`), keeping their
    /// cache across restarts.
    public var isRestartable: Bool { settings.restartable }

    /// The memcached program the pods run.
    public var memcachedPath: String { settings.memcachedPath }

    /// Opens a fleet that
    /// ``create(at:database:namespace:replicas:options:probeTimeout:logger:)`` made.
    ///
    /// - Parameters:
    ///   - directory: The fleet's directory.
    ///   - probeTimeout: The limit for each connection and round trip to a pod.
    ///   - logger: Where the fleet's log records go.
    /// - Returns: The fleet; nothing is started.
    /// - Throws: ``LocalFleetError`` with code `notAFleet` when the directory holds no
    ///   fleet, or `unreadableFile`.
    public static func open(
        at directory: String, probeTimeout: Duration = .seconds(2),
        logger: OpsLogger = .disabled
    ) throws(LocalFleetError) -> LocalFleet {
        let root = FleetFiles.absolute(directory)
        let layout = FleetLayout(root: root)
        guard
            let settings = try FleetFiles.readRecord(FleetSettings.self, from: layout.settingsFile)
        else {
            throw LocalFleetError(
                .notAFleet, path: root,
                detail: "no local fleet here (no fleet.json); create one with 'mcops local up'")
        }
        return LocalFleet(
            directory: root, settings: settings, probeTimeout: probeTimeout, logger: logger)
    }

    /// Whether a directory holds a fleet.
    ///
    /// - Parameter directory: The directory.
    /// - Returns: `true` when it has a `fleet.json`.
    public static func exists(at directory: String) -> Bool {
        FleetFiles.exists(FleetLayout(root: FleetFiles.absolute(directory)).settingsFile)
    }

    /// Where memcached is looked for unless told otherwise: `$MCOPS_MEMCACHED`, else
    /// `/usr/bin/memcached` (Debian's package).
    public static var defaultMemcachedPath: String {
        if let path = getenv("MCOPS_MEMCACHED") { return String(cString: path) }
        return "/usr/bin/memcached"
    }

    /// Whether memcached is installed at `path`.
    ///
    /// - Parameter path: The program's path.
    /// - Returns: `true` when it is an executable file.
    public static func isMemcachedInstalled(at path: String = defaultMemcachedPath) -> Bool {
        FleetFiles.isExecutable(path)
    }

    /// What to tell a person whose machine lacks memcached.
    public static let installHint =
        "memcached is not installed; on Debian or Ubuntu install it with "
        + "'apt-get install memcached' (as root), then run this again"

    /// The metadata keys of the fleet's log records.
    var metadata: [String: String] {
        ["mcops.namespace": namespace, "mcops.database": databaseName]
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
