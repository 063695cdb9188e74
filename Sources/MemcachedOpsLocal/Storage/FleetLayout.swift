/// Where each part of a fleet lives inside its directory.
///
/// ```
/// DIR/fleet.json                         the fleet's settings
/// DIR/memcached.json                     the Memcached object, with spec.tls and status
/// DIR/requests/NAME.json                 each MemcachedOpsRequest, with its status
/// DIR/issuers/NAME/issuer.json           a cert-manager Issuer of kind CA
/// DIR/issuers/NAME/ca/                   its CA: tls.crt, tls.key (0600), ca.crt
/// DIR/certificates/NAME/certificate.json a cert-manager Certificate, with its status
/// DIR/certificates/NAME/source.json      the KubeDB certificate settings it was made from
/// DIR/certificates/NAME/secret/          the issued tls.crt, tls.key (0600), ca.crt
/// DIR/pods/POD/pod.json                  the pod's port, pid and configuration
/// DIR/pods/POD/server/                   the server certificate memcached loads
/// DIR/pods/POD/exporter/                 the metrics exporter's certificate
/// DIR/pods/POD/memcached.log, .pid       memcached's log and pid file
/// DIR/pods/POD/memory                    the memory file of a restartable fleet
/// ```
struct FleetLayout: Sendable, Hashable {
    /// The fleet's directory.
    let root: String

    var settingsFile: String { root + "/fleet.json" }
    var databaseFile: String { root + "/memcached.json" }
    var lockFile: String { root + "/.lock" }

    var requestsDirectory: String { root + "/requests" }
    func requestFile(_ name: String) -> String { requestsDirectory + "/\(name).json" }

    var issuersDirectory: String { root + "/issuers" }
    func issuerDirectory(_ name: String) -> String { issuersDirectory + "/" + name }
    func issuerFile(_ name: String) -> String { issuerDirectory(name) + "/issuer.json" }
    func issuerCADirectory(_ name: String) -> String { issuerDirectory(name) + "/ca" }

    var certificatesDirectory: String { root + "/certificates" }
    func certificateDirectory(_ name: String) -> String { certificatesDirectory + "/" + name }
    func certificateFile(_ name: String) -> String {
        certificateDirectory(name) + "/certificate.json"
    }
    func certificateSourceFile(_ name: String) -> String {
        certificateDirectory(name) + "/source.json"
    }
    func secretDirectory(_ name: String) -> String { certificateDirectory(name) + "/secret" }

    var podsDirectory: String { root + "/pods" }
    func podDirectory(_ name: String) -> String { podsDirectory + "/" + name }
    func podFile(_ name: String) -> String { podDirectory(name) + "/pod.json" }
    func podServerDirectory(_ name: String) -> String { podDirectory(name) + "/server" }
    func podExporterDirectory(_ name: String) -> String { podDirectory(name) + "/exporter" }
    func podStagingDirectory(_ name: String) -> String { podDirectory(name) + "/staging" }
    func podBackupDirectory(_ name: String) -> String { podDirectory(name) + "/previous" }
    func podPIDFile(_ name: String) -> String { podDirectory(name) + "/memcached.pid" }
    func podLogFile(_ name: String) -> String { podDirectory(name) + "/memcached.log" }
    func podMemoryFile(_ name: String) -> String { podDirectory(name) + "/memory" }
}
