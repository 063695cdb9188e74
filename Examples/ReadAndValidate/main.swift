// Reads a MemcachedOpsRequest and its database, validates the request as KubeDB's webhook
// would, and shows what the request's TLS section asks for.
//
//     swift run ReadAndValidateExample [REQUEST.yaml DATABASE.yaml]
//
// Without arguments it uses two manifests written inline below.

import MemcachedOps
import MemcachedOpsYAML

let inlineRequest = """
    apiVersion: ops.kubedb.com/v1alpha1
    kind: MemcachedOpsRequest
    metadata:
      name: mc-add-tls
      namespace: demo
    spec:
      type: ReconfigureTLS
      databaseRef:
        name: memcd-quickstart
      tls:
        issuerRef:
          name: memcached-ca-issuer
          kind: Issuer
          apiGroup: "cert-manager.io"
        certificates:
          - alias: client
            subject:
              organizations: [memcached]
    """

let inlineDatabase = """
    apiVersion: kubedb.com/v1
    kind: Memcached
    metadata:
      name: memcd-quickstart
      namespace: demo
    spec:
      replicas: 3
      version: "1.6.40"
      deletionPolicy: WipeOut
    """

func load(_ argument: Int, inline: String) throws(ManifestError) -> [Manifest] {
    let arguments = CommandLine.arguments
    if arguments.count > argument {
        return try ManifestFile.read(atPath: arguments[argument])
    }
    return try ManifestFile.read(Array(inline.utf8), file: "inline")
}

do {
    let manifests = try load(1, inline: inlineRequest) + load(2, inline: inlineDatabase)
    let databases = manifests.compactMap { manifest -> Memcached? in
        if case .memcached(let database) = manifest { return database }
        return nil
    }
    for case .opsRequest(let request) in manifests {
        let violations = Admission.validate(request, databases: databases)
        print("\(request.namespace)/\(request.name): \(request.spec.type?.rawValue ?? "?")")
        for violation in violations {
            print("  \(violation)")
        }
        print(Admission.isAdmitted(violations) ? "  admitted" : "  refused")
        if let tls = request.spec.tls {
            print("  issuer: \(tls.issuerRef?.name ?? "unchanged")")
            print("  certificates: \((tls.certificates ?? []).map(\.alias))")
        }
    }
    for database in databases {
        let defaulted = database.defaulted()
        print("\(database.namespace)/\(database.name): pods \(defaulted.podNames)")
    }
} catch {
    print("error: \(error)")
}
