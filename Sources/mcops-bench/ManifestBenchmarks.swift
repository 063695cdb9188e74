import Foundation
import MemcachedOps
import MemcachedOpsYAML

/// Reading manifests: read, decode and validate the status sample, YAML and JSON, beside
/// PyYAML's C loader and Python's `json` on the same text.
enum ManifestBenchmarks {
    static func run(options: BenchmarkOptions) throws -> [Row] {
        let yamlPath = options.fixture("memcached-ready-status.yaml")
        let yamlBytes = Array(try Data(contentsOf: URL(fileURLWithPath: yamlPath)))
        let manifest = try ManifestFile.read(yamlBytes, file: yamlPath)
        let jsonText = JSONWriter.string(manifest.first?.json ?? .null, style: .pretty)
        let jsonBytes = Array(jsonText.utf8)
        let jsonPath = NSTemporaryDirectory() + "mcops-bench-status.json"
        try Data(jsonBytes).write(to: URL(fileURLWithPath: jsonPath))
        defer { try? FileManager.default.removeItem(atPath: jsonPath) }

        let iterations = options.quick ? 500 : 5_000
        var rows: [Row] = []
        for (format, bytes, path) in [("yaml", yamlBytes, yamlPath), ("json", jsonBytes, jsonPath)]
        {
            let ours = try Measure.throughput(iterations: iterations, runs: options.runs) {
                let manifests = try ManifestFile.read(bytes)
                for manifest in manifests where !Admission.isAdmitted(Admission.validate(manifest))
                {
                    throw BenchmarkFailure(message: "the sample does not validate")
                }
            }
            let peerName = format == "yaml" ? "PyYAML CLoader" : "Python json"
            let peer =
                !options.peers
                ? nil
                : Peer.run([
                    "python3", options.peerScript("read_manifests.py"), "--format", format,
                    "--file", path, "--iterations", String(iterations), "--runs",
                    String(options.runs),
                ])
            rows.append(
                Row(
                    figure: "read \(format.uppercased()) (read+decode+validate)", ours: ours,
                    unit: "docs/s", peerName: peerName, peer: peer,
                    conditions: "status sample, \(bytes.count) B, \(iterations) iterations x "
                        + "\(options.runs) runs; peer parses only"))
        }
        rows += try stages(jsonBytes: jsonBytes, iterations: iterations, options: options)
        return rows
    }

    /// The JSON path split into its stages, to show where the time goes.
    static func stages(jsonBytes: [UInt8], iterations: Int, options: BenchmarkOptions)
        throws -> [Row]
    {
        let value = try JSONReader.parse(jsonBytes)
        let manifest = try Manifest(json: value)
        let parse = try Measure.throughput(iterations: iterations, runs: options.runs) {
            blackHole(try JSONReader.parse(jsonBytes))
        }
        let decode = try Measure.throughput(iterations: iterations, runs: options.runs) {
            blackHole(try Manifest(json: value))
        }
        let validate = Measure.throughput(iterations: iterations, runs: options.runs) {
            blackHole(Admission.validate(manifest))
        }
        let encode = Measure.throughput(iterations: iterations, runs: options.runs) {
            blackHole(JSONWriter.string(manifest.json, style: .pretty))
        }
        return [
            ("JSON stage: parse to JSONValue", parse), ("JSON stage: decode typed model", decode),
            ("JSON stage: admission", validate), ("JSON stage: encode and write", encode),
        ].map { name, spread in
            Row(
                figure: name, ours: spread, unit: "docs/s", peerName: "-", peer: nil,
                conditions: "status sample")
        }
    }
}
