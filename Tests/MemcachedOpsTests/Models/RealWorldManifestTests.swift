import MemcachedOps
import MemcachedOpsYAML
import Testing

/// Manifests as KubeDB's documentation and users write them, beyond the TLS samples.
let realWorldManifests: [(name: String, yaml: String)] = [
    (
        "a monitored database with a pod template",
        """
        apiVersion: kubedb.com/v1
        kind: Memcached
        metadata:
          name: memcd-quickstart
          namespace: demo
          labels: {app.kubernetes.io/part-of: cache}
        spec:
          replicas: 3
          version: "1.6.22"
          podTemplate:
            spec:
              containers:
                - name: memcached
                  resources:
                    limits: {cpu: 500m, memory: 128Mi}
                    requests: {cpu: 250m, memory: 64Mi}
          deletionPolicy: DoNotTerminate
          monitor:
            agent: prometheus.io/operator
            prometheus:
              serviceMonitor:
                labels:
                  release: prometheus
                interval: 10s
          serviceTemplates:
            - alias: primary
              spec:
                type: NodePort
        """
    ),
    (
        "a database with custom configuration and auth",
        """
        apiVersion: kubedb.com/v1
        kind: Memcached
        metadata: {name: custom-memcd, namespace: demo}
        spec:
          replicas: 1
          version: "1.6.22"
          configuration:
            secretName: mc-configuration
            inline:
              memcached.conf: |
                --max-conns=500
                --memory-limit=128
          authSecret:
            name: custom-memcd-auth
            externallyManaged: true
          healthChecker:
            periodSeconds: 15
            timeoutSeconds: 10
            failureThreshold: 2
            disableWriteCheck: true
          deletionPolicy: WipeOut
        """
    ),
    (
        "an older v1alpha2 database",
        """
        apiVersion: kubedb.com/v1alpha2
        kind: Memcached
        metadata: {name: memcd-old, namespace: demo}
        spec:
          replicas: 3
          version: "1.6.22"
          autoOps: {disabled: true}
          terminationPolicy: Halt
        """
    ),
    (
        "horizontal scaling",
        """
        apiVersion: ops.kubedb.com/v1alpha1
        kind: MemcachedOpsRequest
        metadata: {name: memcd-horizontal-up, namespace: demo}
        spec:
          type: HorizontalScaling
          databaseRef: {name: memcd-quickstart}
          horizontalScaling:
            replicas: 5
        """
    ),
    (
        "vertical scaling",
        """
        apiVersion: ops.kubedb.com/v1alpha1
        kind: MemcachedOpsRequest
        metadata: {name: memcd-vertical, namespace: demo}
        spec:
          type: VerticalScaling
          databaseRef: {name: memcd-quickstart}
          verticalScaling:
            memcached:
              resources:
                requests: {memory: "300Mi", cpu: "200m"}
                limits: {memory: "300Mi", cpu: "200m"}
        """
    ),
    (
        "reconfigure with a new secret",
        """
        apiVersion: ops.kubedb.com/v1alpha1
        kind: MemcachedOpsRequest
        metadata: {name: memcd-reconfig, namespace: demo}
        spec:
          type: Reconfigure
          databaseRef: {name: memcd-quickstart}
          configuration:
            configSecret: {name: new-configuration}
            restart: "true"
        """
    ),
    (
        "update version",
        """
        apiVersion: ops.kubedb.com/v1alpha1
        kind: MemcachedOpsRequest
        metadata: {name: update-memcd, namespace: demo}
        spec:
          type: UpdateVersion
          databaseRef: {name: memcd-quickstart}
          updateVersion:
            targetVersion: 1.6.22
        """
    ),
    (
        "restart with a timeout",
        """
        apiVersion: ops.kubedb.com/v1alpha1
        kind: MemcachedOpsRequest
        metadata: {name: restart, namespace: demo}
        spec:
          type: Restart
          databaseRef: {name: memcd-quickstart}
          timeout: 3m
          apply: Always
        """
    ),
    (
        "rotate auth",
        """
        apiVersion: ops.kubedb.com/v1alpha1
        kind: MemcachedOpsRequest
        metadata: {name: rotate-auth, namespace: demo}
        spec:
          type: RotateAuth
          databaseRef: {name: memcd-quickstart}
          authentication:
            secretRef: {name: new-auth}
        """
    ),
    (
        "TLS with certificate settings and a ClusterIssuer",
        """
        apiVersion: ops.kubedb.com/v1alpha1
        kind: MemcachedOpsRequest
        metadata: {name: mc-tls-certs, namespace: demo}
        spec:
          type: ReconfigureTLS
          databaseRef: {name: memcd-quickstart}
          tls:
            issuerRef: {apiGroup: cert-manager.io, kind: ClusterIssuer, name: org-ca}
            certificates:
              - alias: server
                duration: 2160h0m0s
                dnsNames: [memcd.example.com]
                ipAddresses: ["10.0.0.10", "::1"]
                privateKey: {encoding: PKCS8}
                subject:
                  organizations: [Example]
                  countries: [DE]
          timeout: 5m
          apply: IfReady
          maxRetries: 3
        """
    ),
    (
        "a cert-manager Certificate with status",
        """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: memcd-quickstart-server-cert, namespace: demo}
        spec:
          secretName: memcd-quickstart-server-cert
          commonName: memcd-quickstart
          dnsNames: [memcd-quickstart.demo.svc]
          duration: 2160h0m0s
          renewBefore: 360h0m0s
          issuerRef: {name: memcached-ca-issuer, kind: Issuer, group: cert-manager.io}
          usages: [digital signature, key encipherment, server auth]
          privateKey: {algorithm: RSA, encoding: PKCS1, size: 2048, rotationPolicy: Always}
        status:
          conditions:
            - type: Ready
              status: "True"
              reason: Ready
              message: Certificate is up to date and has not expired
              lastTransitionTime: "2024-11-15T11:10:45Z"
              observedGeneration: 1
          notBefore: "2024-11-15T11:10:44Z"
          notAfter: "2025-02-13T11:10:44Z"
          renewalTime: "2025-01-29T11:10:44Z"
          revision: 2
        """
    ),
    (
        "a self-signed ClusterIssuer",
        """
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata: {name: selfsigned}
        spec:
          selfSigned: {}
        """
    ),
    (
        "kubectl's List of two objects",
        """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: a, namespace: demo}
            spec: {ca: {secretName: a-ca}}
          - apiVersion: cert-manager.io/v1
            kind: Issuer
            metadata: {name: b, namespace: demo}
            spec: {ca: {secretName: b-ca}}
        """
    ),
]

@Suite("Manifests as users write them")
struct RealWorldManifestTests {
    @Test(
        "each reads, validates without errors and round-trips",
        arguments: realWorldManifests.map(\.name))
    func reads(name: String) throws {
        let yaml = try #require(realWorldManifests.first { $0.name == name }?.yaml)
        let manifests = try Fixtures.read(yaml)
        #expect(!manifests.isEmpty)
        for manifest in manifests {
            let errors = Admission.validate(manifest).filter(\.isError)
            #expect(errors == [], "\(errors)")
            let text = YAMLWriter.string([manifest.json])
            #expect(try Fixtures.read(text) == [manifest])
            let json = JSONWriter.string(manifest.json, style: .pretty)
            #expect(try ManifestFile.read(Array(json.utf8)).first?.json == manifest.json)
        }
    }

    @Test("typed fields of the less common sections are read")
    func sections() throws {
        guard case .memcached(let custom)? = try Fixtures.read(realWorldManifests[1].yaml).first
        else {
            Issue.record("expected a Memcached")
            return
        }
        #expect(custom.spec.configuration?.inline?["memcached.conf"]?.hasPrefix("--max") == true)
        #expect(custom.spec.authSecret?.externallyManaged == true)
        #expect(custom.spec.healthChecker?.disableWriteCheck == true)

        guard case .memcached(let old)? = try Fixtures.read(realWorldManifests[2].yaml).first else {
            Issue.record("expected a Memcached")
            return
        }
        #expect(old.effectiveDeletionPolicy == .halt)
        #expect(old.defaulted().spec.terminationPolicy == .halt)
        #expect(old.defaulted().spec.deletionPolicy == nil)

        guard case .certificate(let certificate)? = try Fixtures.read(realWorldManifests[10].yaml)
            .first
        else {
            Issue.record("expected a Certificate")
            return
        }
        #expect(certificate.isReady)
        #expect(!certificate.isIssuing)
        #expect(certificate.status?.revision == 2)
        #expect(certificate.spec.issuerRef?.group == "cert-manager.io")
        #expect(certificate.status?.notAfter?.text == "2025-02-13T11:10:44Z")

        let list = try Fixtures.read(realWorldManifests[12].yaml)
        #expect(list.map(\.metadata.name) == ["a", "b"])
    }
}
