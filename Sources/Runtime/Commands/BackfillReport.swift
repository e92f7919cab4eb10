import BotCodecs
import BotData
import BotExchanges
import Foundation

/// What a `backfill` run did, printed as text (seed 004's summary) or JSON.
struct BackfillReport: Sendable {
    let environment: String
    let exchange: String
    var series: [SeriesBackfillSummary] = []
    /// Why the run stopped early (a ban), or nil.
    var stopped: String?
    /// The CSV segments written (or skipped as duplicates) by `--export-csv`.
    var exported: [CSVExport] = []
    /// What `--prune-older-than` removed.
    var pruned: PruneSummary?

    /// One `--export-csv` file.
    struct CSVExport: Sendable {
        let series: SeriesKey
        let path: String
        let rows: Int
        let duplicate: Bool
    }

    var failed: [SeriesBackfillSummary] { series.filter { !$0.succeeded } }
    var withGaps: [SeriesBackfillSummary] { series.filter { $0.succeeded && $0.gapsLeft > 0 } }
    var succeeded: Int { series.count - failed.count }

    static func status(_ summary: SeriesBackfillSummary) -> String {
        !summary.succeeded ? "failed" : summary.gapsLeft > 0 ? "gaps" : "ok"
    }

    static func time(_ milliseconds: Int64) -> String { UTCDateTime(milliseconds: milliseconds).iso8601 }

    func text() -> String {
        var out = "Backfill \(environment) (\(exchange))\n"
        for summary in series {
            let mark = summary.succeeded ? (summary.gapsLeft > 0 ? "!" : "✓") : "✗"
            out += "\(mark) \(summary.series.symbol) \(summary.series.interval): fetched \(summary.fetched), "
            out += "written \(summary.written), skipped \(summary.skipped), gaps left \(summary.gapsLeft), "
            out += "requests \(summary.requests), errors \(summary.errors.count)"
            out += " [\(Self.time(summary.requestedStart)) .. \(Self.time(summary.requestedEnd)))\n"
            if let available = summary.availableFrom {
                out += "    \(exchange) serves only its most recent candles: \(summary.unavailable) older candles are "
                out += "unavailable (history starts \(Self.time(available)))\n"
            }
            for error in summary.errors { out += "    error: \(error)\n" }
        }
        for export in exported {
            out +=
                export.duplicate
                ? "csv \(export.path): identical segment already delivered, skipped\n"
                : "csv \(export.path): \(export.rows) rows\n"
        }
        if let pruned {
            out += "pruned \(pruned.removedPartitions.count) month files (\(pruned.removedRows) candles)\n"
        }
        if let stopped { out += "STOPPED: \(stopped)\n" }
        out += "Success: \(succeeded)/\(series.count)\n"
        out += "Errors: \(failed.count)/\(series.count)\n"
        if !withGaps.isEmpty { out += "With gaps: \(withGaps.count)/\(series.count)\n" }
        return out
    }

    func json() -> String {
        func quote(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let items = series.map { summary in
            let fields: [(String, String)] = [
                ("exchange", quote(summary.series.exchange)), ("symbol", quote(summary.series.symbol)),
                ("interval", quote(summary.series.interval.description)), ("status", quote(Self.status(summary))),
                ("requested_start", "\(summary.requestedStart)"), ("requested_end", "\(summary.requestedEnd)"),
                ("available_from", summary.availableFrom.map(String.init) ?? "null"),
                ("unavailable", "\(summary.unavailable)"), ("fetched", "\(summary.fetched)"),
                ("written", "\(summary.written)"), ("skipped", "\(summary.skipped)"),
                ("gaps_left", "\(summary.gapsLeft)"), ("requests", "\(summary.requests)"),
                ("segments", "\(summary.segments)"), ("duplicate_segments", "\(summary.duplicateSegments)"),
                ("errors", "[" + summary.errors.map(quote).joined(separator: ", ") + "]"),
            ]
            return "    {" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        }
        let exports = exported.map {
            "    {\"series\": \(quote($0.series.description)), \"path\": \(quote($0.path)), \"rows\": \($0.rows), "
                + "\"duplicate\": \($0.duplicate)}"
        }
        var out = "{\n"
        out += "  \"environment\": \(quote(environment)),\n"
        out += "  \"exchange\": \(quote(exchange)),\n"
        out += "  \"series\": [\(items.isEmpty ? "" : "\n" + items.joined(separator: ",\n") + "\n  ")],\n"
        out += "  \"exported\": [\(exports.isEmpty ? "" : "\n" + exports.joined(separator: ",\n") + "\n  ")],\n"
        out += "  \"pruned\": "
        if let pruned {
            out += "{\"partitions\": \(pruned.removedPartitions.count), \"rows\": \(pruned.removedRows)},\n"
        } else {
            out += "null,\n"
        }
        out += "  \"stopped\": \(stopped.map(quote) ?? "null"),\n"
        out += "  \"success\": \(succeeded),\n"
        out += "  \"errors\": \(failed.count),\n"
        out += "  \"with_gaps\": \(withGaps.count),\n"
        out += "  \"total\": \(series.count)\n"
        out += "}\n"
        return out
    }
}
