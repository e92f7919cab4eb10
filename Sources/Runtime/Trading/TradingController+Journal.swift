import BotExchanges
import BotExecution
import BotStrategies

extension TradingController {
    /// Journals a signal before it becomes an order.
    func record(
        _ kind: DecisionEvent.Kind, signal: StrategySignal, signalID: String, status: String,
        extra: [(String, String)] = []
    ) async {
        await record(
            kind, symbol: signal.symbol, side: signal.orderSide?.rawValue.uppercased(), quantity: nil,
            price: signal.price, status: status, extra: [("signal_id", signalID)] + extra)
    }

    /// Journals a step of an order's way: risk verdict, submission, execution.
    func record(
        _ kind: DecisionEvent.Kind, request: OrderRequest, price: Double, signalID: String, status: String,
        extra: [(String, String)] = []
    ) async {
        var fields: [(String, String)] = [
            ("signal_id", signalID), ("order_type", request.type.rawValue.uppercased()),
            ("reduce_only", request.reduceOnly ? "true" : "false"),
        ]
        if let stop = request.stopPrice { fields.append(("stop_price", Self.text(stop))) }
        if let atr = request.atr { fields.append(("atr", Self.text(atr))) }
        if let id = request.clientOrderID { fields.append(("client_order_id", id)) }
        await record(
            kind, symbol: request.symbol, side: request.side.rawValue.uppercased(), quantity: request.quantity,
            price: price, status: status, extra: fields + extra)
    }

    func record(
        _ kind: DecisionEvent.Kind, symbol: String?, side: String?, quantity: Double?, price: Double?, status: String,
        extra: [(String, String)]
    ) async {
        let context = settings.context
        await journal.record(
            DecisionEvent(
                kind: kind, timestamp: clock.now(), environment: context.environment, portfolio: context.portfolioID,
                riskProfile: context.riskProfile, symbol: symbol, side: side, quantity: quantity, price: price,
                status: status, metadata: extra))
    }
}
