import BotCodecs
import BotExchanges

extension SeriesCoverage {
    /// The report entry: the reference's keys first (§2.3), then the measurements it did not have.
    public var json: ReportJSON {
        let iso = { (time: Int64?) in ReportJSON.string(time.map { UTCDateTime(milliseconds: $0).pythonISOFormat }) }
        return .object([
            ("symbol", .string(symbol)), ("interval", .string(interval.description)),
            ("status", .string(status.rawValue)), ("issues", .array(issues.map(ReportJSON.string))),
            ("required_rows", .integer(requiredRows)), ("row_count", .integer(rowCount)),
            ("gap_minutes", .number(gapMinutes)), ("threshold_minutes", .number(freshnessLimitMinutes)),
            ("last_timestamp_iso", iso(lastOpenTime)),
            ("exchange", .string(exchange)), ("state", .string(state.rawValue)), ("age_minutes", .number(ageMinutes)),
            ("first_timestamp", .integer(firstOpenTime)), ("first_timestamp_iso", iso(firstOpenTime)),
            ("last_timestamp", .integer(lastOpenTime)), ("window_start_iso", iso(windowStart)),
            ("window_end_iso", iso(windowEnd)), ("total_rows", .integer(totalRows)),
            ("missing_rows", .integer(missingRows)), ("gap_count", .integer(Int64(gapCount))),
            ("largest_gap_minutes", .number(largestGapMinutes)),
            (
                "largest_gaps",
                .array(
                    largestGaps.map { gap in
                        .object([
                            ("start", .integer(gap.start)), ("start_iso", iso(gap.start)), ("end", .integer(gap.end)),
                            ("end_iso", iso(gap.end)), ("missing_candles", .integer(gap.missingCandles)),
                            ("minutes", .number(gap.minutes)),
                        ])
                    })
            ),
        ])
    }
}

extension CoverageSummary {
    /// The reference's summary keys in order (§7.4 and §2.3), `state_counts` standing in for the
    /// manifest's status counts.
    public var json: ReportJSON {
        let groups = { (groups: [(key: String, counts: GroupCounts)]) in
            ReportJSON.object(
                groups.map { group in
                    var counts: [(String, ReportJSON)] = [("total", .integer(Int64(group.counts.total)))]
                    if group.counts.ok > 0 { counts.append(("ok", .integer(Int64(group.counts.ok)))) }
                    if group.counts.warning > 0 { counts.append(("warning", .integer(Int64(group.counts.warning)))) }
                    if group.counts.error > 0 { counts.append(("error", .integer(Int64(group.counts.error)))) }
                    return (group.key, .object(counts))
                })
        }
        let worst: ReportJSON =
            worstGap.map { gap in
                .object([
                    ("symbol", .string(gap.symbol)), ("interval", .string(gap.interval)),
                    ("gap_minutes", .number(gap.gapMinutes)), ("state", .string(gap.state.rawValue)),
                    ("threshold_minutes", .number(gap.thresholdMinutes)),
                    ("last_timestamp_iso", .string(gap.lastTimestampISO)),
                ])
            } ?? .null
        return .object([
            ("status", .string(status.rawValue)), ("total", .integer(Int64(total))), ("ok", .integer(Int64(ok))),
            ("warning", .integer(Int64(warning))), ("error", .integer(Int64(error))), ("ok_ratio", .number(okRatio)),
            ("state_counts", .object(stateCounts.map { ($0.state.rawValue, .integer(Int64($0.count))) })),
            ("issue_counts", .object(issueCounts.map { ($0.code, .integer(Int64($0.count))) })),
            ("issue_examples", .object(issueExamples.map { ($0.code, .string($0.example)) })),
            ("stale_entries", .integer(Int64(staleEntries))), ("worst_gap", worst),
            ("by_interval", groups(byInterval)), ("by_symbol", groups(bySymbol)),
        ])
    }
}
