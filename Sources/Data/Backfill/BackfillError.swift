import BotExchanges

/// Why a backfill run stopped before finishing every series.
public enum BackfillError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The venue banned this IP (HTTP 418): the run stops at once, because every further request extends
    /// the ban. Candles stored before stay valid.
    case banned(venue: Venue, retryAfterSeconds: Int64?, completed: [SeriesBackfillSummary])
    /// No candle source was given for the series' venue.
    case noSource(venue: String)

    public var description: String {
        switch self {
        case .banned(let venue, let retryAfter, _):
            let wait = retryAfter.map { "wait \($0) s (the venue's Retry-After)" } ?? "wait for the ban to end"
            return "\(venue) banned this IP (HTTP 418) — backfill stopped; candles stored so far are kept and "
                + "valid. Do not retry at once: \(wait), then run backfill again to resume where it stopped"
        case .noSource(let venue):
            return "no candle source for exchange '\(venue)': use one of "
                + Venue.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }
}
