import BotCodecs
import BotData
import BotExchanges

extension InspectManifestCommand {
    /// What the manifest records (and, with `--verify`, what disagrees), ready to print as text or JSON.
    struct Listing {
        let manifestPath: String
        let series: [SeriesInfo]
        let partitions: [PartitionInfo]
        let segments: [LedgerSegment]
        let watermarks: [Watermark]
        /// nil without `--verify`.
        let issues: [ManifestIssue]?

        init(store: OHLCVStore, series filter: SeriesKey?, verify: Bool) async throws {
            manifestPath = store.manifestPath
            series = try await store.series().filter { filter == nil || $0.series == filter }
            partitions = try await store.partitions(series: filter)
            segments = try await store.segments(series: filter)
            watermarks = try await store.watermarks().filter { filter == nil || $0.series == filter }
            if verify {
                let all = try await store.verify()
                // With --series, keep the issues about that series' files (or the series itself).
                let prefix = filter.map { "\(OHLCVStore.parquetFolder)/\($0.description)/" }
                issues = all.filter { issue in
                    guard let filter, let prefix else { return true }
                    return issue.subject.hasPrefix(prefix) || issue.subject == filter.description
                }
            } else {
                issues = nil
            }
        }

        static func time(_ milliseconds: Int64?) -> String {
            guard let milliseconds else { return "-" }
            return "\(UTCDateTime(milliseconds: milliseconds).iso8601) (\(milliseconds))"
        }

        func text(cache: String) -> String {
            var lines = ["cache: \(cache)", "manifest: \(manifestPath)", "", "series (\(series.count)):"]
            for info in series {
                lines.append(
                    "  \(info.series)  rows \(info.rowCount)  first \(Self.time(info.firstOpenTime))  "
                        + "last \(Self.time(info.lastOpenTime))")
            }
            lines += ["", "partitions (\(partitions.count)):"]
            for partition in partitions {
                lines.append(
                    "  \(partition.path)  rows \(partition.rows)  \(Self.time(partition.firstOpenTime)) .. "
                        + "\(Self.time(partition.lastOpenTime))  bytes \(partition.bytes)  sha256 \(partition.sha256)")
            }
            lines += ["", "ledger (\(segments.count)):"]
            for segment in segments {
                lines.append(
                    "  \(segment.contentKey)  \(segment.series)  \(segment.kind.rawValue)  rows \(segment.rows)  "
                        + "\(Self.time(segment.rangeStart)) .. \(Self.time(segment.rangeEnd))  \(segment.path)")
            }
            lines += ["", "watermarks (\(watermarks.count)):"]
            for mark in watermarks {
                lines.append("  \(mark.series)  \(Self.time(mark.highWaterOpenTime))")
            }
            if let issues {
                lines.append("")
                if issues.isEmpty {
                    lines.append("verify: ok (\(partitions.count) partitions re-read, rows and SHA-256 match)")
                } else {
                    lines.append("verify: \(issues.count) mismatch\(issues.count == 1 ? "" : "es"):")
                    lines += issues.map { "  \($0)" }
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }

        func json(cache: String) -> String {
            let quote = ValidateConfigCommand.quoted
            func number(_ value: Int64?) -> String { value.map(String.init) ?? "null" }
            func iso(_ value: Int64?) -> String {
                value.map { quote(UTCDateTime(milliseconds: $0).iso8601) } ?? "null"
            }
            func array(_ items: [String]) -> String {
                items.isEmpty ? "[]" : "[\n" + items.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]"
            }
            /// One JSON object on one line, keys in the given order.
            func object(_ fields: KeyValuePairs<String, String>) -> String {
                "{" + fields.map { "\(quote($0.key)): \($0.value)" }.joined(separator: ", ") + "}"
            }
            let seriesItems = series.map { info in
                object([
                    "series": quote(info.series.description), "exchange": quote(info.series.exchange),
                    "symbol": quote(info.series.symbol), "interval": quote(info.series.interval.description),
                    "rows": String(info.rowCount), "first_open_time": number(info.firstOpenTime),
                    "first_open_time_iso": iso(info.firstOpenTime), "last_open_time": number(info.lastOpenTime),
                    "last_open_time_iso": iso(info.lastOpenTime),
                ])
            }
            let partitionItems = partitions.map { partition in
                object([
                    "series": quote(partition.series.description), "year": String(partition.month.year),
                    "month": String(partition.month.month), "path": quote(partition.path),
                    "rows": String(partition.rows), "first_open_time": String(partition.firstOpenTime),
                    "first_open_time_iso": iso(partition.firstOpenTime),
                    "last_open_time": String(partition.lastOpenTime),
                    "last_open_time_iso": iso(partition.lastOpenTime), "sha256": quote(partition.sha256),
                    "bytes": String(partition.bytes),
                ])
            }
            let ledgerItems = segments.map { segment in
                object([
                    "content_key": quote(segment.contentKey), "series": quote(segment.series.description),
                    "kind": quote(segment.kind.rawValue), "rows": String(segment.rows),
                    "range_start": String(segment.rangeStart), "range_end": String(segment.rangeEnd),
                    "path": quote(segment.path), "created_at": String(segment.createdAt),
                ])
            }
            let watermarkItems = watermarks.map { mark in
                object([
                    "series": quote(mark.series.description), "high_water_open_time": String(mark.highWaterOpenTime),
                    "high_water_open_time_iso": iso(mark.highWaterOpenTime), "updated_at": String(mark.updatedAt),
                ])
            }
            var verify = "null"
            if let issues {
                let items = issues.map { object(["subject": quote($0.subject), "message": quote($0.description)]) }
                verify =
                    "{\"ok\": \(issues.isEmpty), \"partitions_checked\": \(partitions.count), \"issues\": "
                    + (items.isEmpty ? "[]" : "[\n" + items.map { "      " + $0 }.joined(separator: ",\n") + "\n    ]")
                    + "}"
            }
            return "{\n  \"cache\": \(quote(cache)),\n  \"manifest\": \(quote(manifestPath)),\n"
                + "  \"series\": \(array(seriesItems)),\n  \"partitions\": \(array(partitionItems)),\n"
                + "  \"ledger\": \(array(ledgerItems)),\n  \"watermarks\": \(array(watermarkItems)),\n"
                + "  \"verify\": \(verify)\n}\n"
        }
    }
}
