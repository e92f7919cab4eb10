/// Why the synthetic market cannot answer a question about a series.
public enum SyntheticMarketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The venue does not list the symbol (neither by default nor by configuration).
    case unknownSymbol(venue: Venue, symbol: String, known: [String])
    /// The venue has no candles of that interval.
    case unsupportedInterval(venue: Venue, interval: Interval, supported: [Interval])
    /// The window's end is before its start.
    case invalidRange(from: Int64, to: Int64)

    public var description: String {
        switch self {
        case .unknownSymbol(let venue, let symbol, let known):
            "\(venue) has no symbol '\(symbol)' in the synthetic market (known: \(known.joined(separator: ", "))); "
                + "add it with SyntheticMarket(additionalSymbols:) or the simulator's --symbol \(venue):\(symbol)"
        case .unsupportedInterval(let venue, let interval, let supported):
            "\(venue) has no \(interval) candles (supported: \(supported.map(\.description).joined(separator: " ")))"
        case .invalidRange(let from, let to):
            "the window ends (\(to)) before it starts (\(from)); pass from <= to, in epoch milliseconds"
        }
    }
}
