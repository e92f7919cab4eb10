import BotExchanges
import BotExecution

/// Who a ``TradingController`` trades for and how big an entry it asks for.
public struct TradingControllerSettings: Sendable {
    /// The candle interval the strategy trades (`1d` for the daily trend controller).
    public var interval: Interval
    /// The portfolio, risk profile and environment stamped on every order, ledger line and journal event.
    public var context: ExecutionContext
    /// The base quantity an entry asks for (`adapter_settings.paper_trading.position_size`); the risk engine
    /// may size it down to what the profile allows.
    public var positionSize: Double

    /// Settings for a controller trading `interval` candles under `context`.
    public init(interval: Interval, context: ExecutionContext, positionSize: Double) {
        self.interval = interval
        self.context = context
        self.positionSize = positionSize
    }
}
