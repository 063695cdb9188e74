/// One row of the results table.
struct Row: Sendable {
    var figure: String
    var ours: Spread
    var unit: String
    var peerName: String
    var peer: Result<Spread, PeerMissing>?
    var conditions: String
    /// Whether a larger figure is better (throughput) or worse (latency).
    var higherIsBetter = true
    /// The figure's aim, when the issue sets one, and whether this run met it.
    var aim: Aim?
}

/// What a figure should reach, and whether a run reached it.
struct Aim: Sendable {
    var text: String
    var met: Bool
}

/// Prints rows as an aligned text table (which is also a Markdown table).
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
                ratio = self.ratio(ours: row.ours.median, peer: spread.median, row.higherIsBetter)
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

    /// How many times better this package is than the peer (above 1: better); `-` when
    /// either figure is zero, such as 0 failed requests against 12.
    static func ratio(ours: Double, peer: Double, _ higherIsBetter: Bool) -> String {
        guard ours > 0, peer > 0 else { return ours == peer ? "1x" : "-" }
        let value = higherIsBetter ? ours / peer : peer / ours
        return (value < 1 ? format2(value) : format1(value)) + "x"
    }

    /// The aims of the rows that have one, each marked met or missed.
    static func renderAims(_ rows: [Row]) -> String {
        rows.compactMap { row in
            row.aim.map { aim in
                "- [\(aim.met ? "met" : "MISSED")] \(row.figure): \(aim.text) "
                    + "(measured \(format(row.ours, row.unit)))"
            }
        }.joined(separator: "\n")
    }

    static func format(_ spread: Spread, _ unit: String) -> String {
        "\(compact(spread.median)) \(unit) [\(compact(spread.minimum))-\(compact(spread.maximum))]"
    }

    static func compact(_ value: Double) -> String {
        if value >= 1_000_000 { return format1(value / 1_000_000) + "M" }
        if value >= 10_000 { return format1(value / 1_000) + "k" }
        if value >= 100 { return String(Int(value.rounded())) }
        if value > 0, value < 1 { return format2(value) }
        return format1(value)
    }

    /// A duration in seconds with one decimal, such as `12.5 s`.
    static func seconds(_ duration: Duration) -> String {
        format1(Measure.milliseconds(duration) / 1_000) + " s"
    }

    static func format1(_ value: Double) -> String {
        let scaled = (value * 10).rounded() / 10
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }

    /// Two decimals at most, for figures below 1 such as 0.35 ms.
    static func format2(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}
