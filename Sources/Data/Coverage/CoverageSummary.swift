import BotCodecs
import BotExchanges

/// Counts over many series (reference `summarize_coverage`, §7.4).
public struct CoverageSummary: Sendable, Hashable {
    /// The series with the longest gap, as the summary reports it.
    public struct WorstGap: Sendable, Hashable {
        public let symbol: String
        public let interval: String
        public let gapMinutes: Double
        public let state: CoverageState
        public let thresholdMinutes: Double
        public let lastTimestampISO: String?
    }

    /// Counts of one group (an interval or a symbol).
    public struct GroupCounts: Sendable, Hashable {
        public var total = 0
        public var ok = 0
        public var warning = 0
        public var error = 0
    }

    /// `error` when any series is in error, else `warning` when any is stale, else `ok` (also for none).
    public let status: CoverageStatus
    public let total: Int
    public let ok: Int
    public let warning: Int
    public let error: Int
    /// `ok / total`, nil when there is no series.
    public let okRatio: Double?
    /// Series per state, in ``CoverageState`` order, only states that occur.
    public let stateCounts: [(state: CoverageState, count: Int)]
    /// Series per issue code (the text before the first `:`), in order of first occurrence.
    public let issueCounts: [(code: String, count: Int)]
    /// The first full issue text per code, same order.
    public let issueExamples: [(code: String, example: String)]
    /// Series whose newest candle is older than the freshness limit.
    public let staleEntries: Int
    /// The series with the longest gap (the first one on ties), nil when no series has candles.
    public let worstGap: WorstGap?
    /// Counts per interval spelling and per symbol, keys sorted.
    public let byInterval: [(key: String, counts: GroupCounts)]
    public let bySymbol: [(key: String, counts: GroupCounts)]

    /// Summarises `entries`.
    public init(_ entries: [SeriesCoverage]) {
        total = entries.count
        ok = entries.count { $0.status == .ok }
        warning = entries.count { $0.status == .warning }
        error = entries.count { $0.status == .error }
        okRatio = total == 0 ? nil : Double(ok) / Double(total)
        staleEntries = entries.count(where: \.isStale)
        status = error > 0 ? .error : (warning > 0 || staleEntries > 0 ? .warning : .ok)
        stateCounts = CoverageState.allCases.compactMap { state in
            let count = entries.count { $0.state == state }
            return count > 0 ? (state, count) : nil
        }
        var codes: [String] = []
        var counts: [String: Int] = [:]
        var examples: [String: String] = [:]
        for issue in entries.flatMap(\.issues) {
            let code = String(issue.prefix { $0 != ":" })
            if counts[code] == nil {
                codes.append(code)
                examples[code] = issue
            }
            counts[code, default: 0] += 1
        }
        issueCounts = codes.map { ($0, counts[$0]!) }
        issueExamples = codes.map { ($0, examples[$0]!) }
        var worst: SeriesCoverage?
        for entry in entries {
            guard let gap = entry.gapMinutes, !gap.isNaN else { continue }
            if worst == nil || gap > worst!.gapMinutes! { worst = entry }
        }
        worstGap = worst.map {
            WorstGap(
                symbol: $0.symbol, interval: $0.interval.description, gapMinutes: $0.gapMinutes!, state: $0.state,
                thresholdMinutes: $0.freshnessLimitMinutes,
                lastTimestampISO: $0.lastOpenTime.map { UTCDateTime(milliseconds: $0).pythonISOFormat })
        }
        byInterval = Self.group(entries) { $0.interval.description }
        bySymbol = Self.group(entries) { $0.symbol }
    }

    private static func group(
        _ entries: [SeriesCoverage], by key: (SeriesCoverage) -> String
    ) -> [(key: String, counts: GroupCounts)] {
        var groups: [String: GroupCounts] = [:]
        for entry in entries {
            var counts = groups[key(entry), default: GroupCounts()]
            counts.total += 1
            switch entry.status {
            case .ok: counts.ok += 1
            case .warning: counts.warning += 1
            case .error: counts.error += 1
            }
            groups[key(entry)] = counts
        }
        return groups.keys.sorted().map { ($0, groups[$0]!) }
    }

    public static func == (left: CoverageSummary, right: CoverageSummary) -> Bool {
        left.json == right.json
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(json.compact)
    }
}
