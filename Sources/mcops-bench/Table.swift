/// One row of the results table.
struct Row {
    var figure: String
    var ours: Spread
    var unit: String
    var peerName: String
    var peer: Result<Spread, PeerMissing>?
    var conditions: String
    /// Whether a larger figure is better (throughput) or worse (latency).
    var higherIsBetter = true
}

/// Prints rows as an aligned text table.
enum Table {
    static func render(_ rows: [Row]) -> String {
        var lines: [[String]] = [
            [
                "figure", "this package (median [min-max])", "peer",
                "peer (median [min-max])", "ratio", "conditions",
            ]
        ]
        for row in rows {
            let ours = format(row.ours, row.unit)
            var peerText = "-"
            var ratio = "-"
            switch row.peer {
            case .success(let spread)?:
                peerText = format(spread, row.unit)
                let value =
                    row.higherIsBetter
                    ? row.ours.median / max(spread.median, 1e-12)
                    : spread.median / max(row.ours.median, 1e-12)
                ratio = String(format1(value)) + "x"
            case .failure(let missing)?:
                peerText = "missing: \(missing.reason)"
            case nil:
                break
            }
            lines.append([row.figure, ours, row.peerName, peerText, ratio, row.conditions])
        }
        let widths = (0..<lines[0].count).map { column in
            lines.map { $0[column].count }.max() ?? 0
        }
        var text = ""
        for (index, line) in lines.enumerated() {
            let cells = line.enumerated().map { column, cell in
                cell + String(repeating: " ", count: widths[column] - cell.count)
            }
            text += "| " + cells.joined(separator: " | ") + " |\n"
            if index == 0 {
                text +=
                    "|"
                    + widths.map { String(repeating: "-", count: $0 + 2) }
                    .joined(separator: "|") + "|\n"
            }
        }
        return text
    }

    static func format(_ spread: Spread, _ unit: String) -> String {
        "\(compact(spread.median)) \(unit) [\(compact(spread.minimum))-\(compact(spread.maximum))]"
    }

    static func compact(_ value: Double) -> String {
        if value >= 1_000_000 { return format1(value / 1_000_000) + "M" }
        if value >= 10_000 { return format1(value / 1_000) + "k" }
        if value >= 100 { return String(Int(value.rounded())) }
        return format1(value)
    }

    static func format1(_ value: Double) -> String {
        let scaled = (value * 10).rounded() / 10
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}
