import BotExchanges

/// One order the controller sent, for reports: what the signal asked, what the risk engine and the
/// venue made of it.
public struct TradeRecord: Sendable, Hashable {
    /// Why the order was sent.
    public enum Purpose: String, Sendable, Hashable {
        /// A strategy entry or exit.
        case signal
        /// A position closed because the risk engine is in liquidation mode.
        case liquidation
        /// A position closed at shutdown.
        case shutdown
    }

    /// The signal's id (`binance_paper:BTCUSDT:1d:1704067200000:enter_long`), also the client order id.
    public var signalID: String
    public var purpose: Purpose
    public var request: OrderRequest
    public var result: OrderResult
}
