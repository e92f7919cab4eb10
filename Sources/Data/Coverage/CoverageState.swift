/// What is wrong with a series, if anything (seed 004's verification states).
///
/// Precedence when several apply: ``missing`` over ``stale`` over ``incomplete``: an operator first needs
/// data at all, then current data, then the full history.
public enum CoverageState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Complete and fresh.
    case ok
    /// No candle at all.
    case missing
    /// The newest candle is older than the interval's freshness limit.
    case stale
    /// Required history is missing: fewer candles than the window needs, or holes inside it.
    case incomplete
}

/// The verdict on a series or a whole check, the reference's `ok | warning | error`.
///
/// Unlike the reference, where any finding is an `error` (so `warning` could not happen), a series that is
/// only stale is a ``warning``; missing data and missing history are ``error``s.
public enum CoverageStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case ok
    case warning
    case error

    public static func < (left: CoverageStatus, right: CoverageStatus) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }
}
