import BotExchanges
import BotExecution

/// Who a ``TradingController`` trades for and how big an entry it asks for.
public struct TradingControllerSettings: Sendable {
    /// The candle interval the strategy trades (`1d` for the daily trend controller).
    public var interval: Interval
    /// The portfolio, risk profile and environment stamped on every order, ledger line and journal event.
    public var context: ExecutionContext
    /// The most an entry asks for, in base-asset units (`adapter_settings.paper_trading.position_size`);
    /// nil asks for the whole equity's worth, so the risk engine's limits (position share of equity, loss at
    /// the ATR stop, leverage) alone decide the size.
    public var positionSize: Double?

    /// Settings for a controller trading `interval` candles under `context`.
    public init(interval: Interval, context: ExecutionContext, positionSize: Double? = nil) {
        self.interval = interval
        self.context = context
        self.positionSize = positionSize
    }
}
