import BotCodecs
import BotData
import BotExchanges

/// Whether the cache holds what a smoke test replays: per symbol, the strategy's warm-up bars right
/// before the window and every bar of the window, judged as of the window's end (so a smoke test over a
/// past window passes without candles from after it — reference-runtime §13.4, §13.5).
public struct SmokeDataChecks: Sendable {
    public let interval: Interval
    public let window: SmokeWindow
    public let warmUpBars: Int
    /// Bars the window holds when complete.
    public let expectedBars: Int
    /// Symbol → (warm-up bars found, window bars found, first and last window open time).
    public let found: [String: (history: Int, window: Int, first: Int64?, last: Int64?)]

    public init(
        interval: Interval, window: SmokeWindow, warmUpBars: Int, history: [String: [Candle]], bars: [String: [Candle]]
    ) {
        self.interval = interval
        self.window = window
        self.warmUpBars = warmUpBars
        let closedBy = window.end + 1
        expectedBars = interval.openTimes(in: window.start..<closedBy).filter { interval.next(after: $0) <= closedBy }
            .count
        var found: [String: (history: Int, window: Int, first: Int64?, last: Int64?)] = [:]
        for symbol in Set(history.keys).union(bars.keys) {
            let series = bars[symbol] ?? []
            found[symbol] = (history[symbol]?.count ?? 0, series.count, series.first?.openTime, series.last?.openTime)
        }
        self.found = found
    }

    /// What is missing, one line per symbol; empty when the cache carries the test.
    public var problems: [String] {
        found.keys.sorted().compactMap { symbol in
            guard let entry = found[symbol] else { return nil }
            var parts: [String] = []
            if entry.history < warmUpBars {
                parts.append("\(entry.history) of the \(warmUpBars) warm-up bars before the window")
            }
            if entry.window < expectedBars {
                parts.append("\(entry.window) of the \(expectedBars) bars of the window")
            }
            return parts.isEmpty ? nil : "\(symbol) \(interval): only " + parts.joined(separator: " and ")
        }
    }

    /// The checks for `summary.json`'s `data_checks`.
    public var json: ReportJSON {
        let symbols: [(String, ReportJSON)] = found.keys.sorted().map { symbol in
            let entry = found[symbol]!
            let ok = entry.history >= warmUpBars && entry.window >= expectedBars
            return (
                symbol,
                .object([
                    ("status", .string(ok ? "ok" : "error")), ("warm_up_bars", .integer(Int64(entry.history))),
                    ("window_bars", .integer(Int64(entry.window))),
                    ("first_open_time", .string(entry.first.map { UTCDateTime(milliseconds: $0).iso8601 })),
                    ("last_open_time", .string(entry.last.map { UTCDateTime(milliseconds: $0).iso8601 })),
                ])
            )
        }
        return .object([
            ("status", .string(problems.isEmpty ? "ok" : "error")),
            ("interval", .string(interval.description)),
            ("as_of", .string(UTCDateTime(milliseconds: window.end + 1).iso8601)),
            ("window_ms", .object([("start", .integer(window.start)), ("end", .integer(window.end))])),
            ("warm_up_bars", .integer(Int64(warmUpBars))),
            ("window_bars", .integer(Int64(expectedBars))),
            ("symbols", .object(symbols)),
        ])
    }
}
