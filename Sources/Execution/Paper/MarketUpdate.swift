import BotExchanges

/// A price observation the runtime feeds to the paper simulator: the last trade price, or a closed
/// candle whose range decides which resting limit orders were crossed.
public enum MarketUpdate: Sendable, Hashable {
    case price(Double)
    case candle(Candle)

    /// The price market orders fill at after this update (the candle's close).
    var lastPrice: Double {
        switch self {
        case .price(let price): price
        case .candle(let candle): candle.close
        }
    }

    /// The lowest and highest price traded during the update, and where trading started.
    var range: (open: Double, low: Double, high: Double) {
        switch self {
        case .price(let price): (price, price, price)
        case .candle(let candle): (candle.open, candle.low, candle.high)
        }
    }
}
