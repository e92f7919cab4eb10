import BotExchanges

/// Small candle builders for the strategy tests: one bar a day from 2024-01-01.
enum Bars {
    static let start: Int64 = 1_704_067_200_000
    static let day: Int64 = 86_400_000

    /// Bar number `index` with the given prices (open = close unless given).
    static func bar(_ index: Int, close: Double, high: Double, low: Double, open: Double? = nil) -> Candle {
        Candle(
            openTime: start + Int64(index) * day, open: open ?? close, high: high, low: low, close: close,
            volume: 1)
    }

    /// Bars with high = close + 1 and low = close − 1, as in the reference's tests.
    static func series(_ closes: [Double], from first: Int = 0) -> [Candle] {
        closes.enumerated().map { bar(first + $0.offset, close: $0.element, high: $0.element + 1, low: $0.element - 1) }
    }
}

