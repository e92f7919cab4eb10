import BotExchanges
import BotExecution
import BotRisk
import BotStrategies

extension TradingController {
    /// Carries out one actionable signal: an entry asks for ``TradingControllerSettings/positionSize`` (or
    /// the whole equity's worth), cut down to what every risk limit allows; an exit closes the whole real
    /// position.
    func handle(_ signal: StrategySignal, report: inout CycleReport) async throws {
        report.signals += 1
        let signalID =
            "\(settings.context.environment):\(signal.symbol):\(settings.interval):\(signal.openTime):"
            + signal.action.rawValue
        metrics?.signal(symbol: signal.symbol, status: .received)
        await record(
            .signalReceived, signal: signal, signalID: signalID, status: "received",
            extra: [
                ("action", signal.action.rawValue), ("reason", signal.reason),
                ("confidence", Self.text(signal.confidence)), ("bar_open_time", String(signal.openTime)),
            ] + signal.metadata.sorted { $0.key < $1.key }.map { ("signal_\($0.key)", Self.text($0.value)) })
        guard signal.orderSide != nil else { return }
        let held = await execution.positions()[signal.symbol]
        let quantity: Double
        if signal.isReducing {
            guard let held, held.side.rawValue == signal.positionSide.rawValue, held.quantity > 0 else {
                // The entry never filled (refused or rejected), so there is nothing to close.
                runner.reconcile(symbol: signal.symbol, to: .flat)
                return
            }
            quantity = held.quantity
        } else if let cap = settings.positionSize {
            quantity = cap
        } else {
            // The whole equity's worth: the risk engine cuts it to what each limit allows.
            quantity = max(0, await risk.currentState.equity) / signal.price
        }
        guard var request = signal.orderRequest(quantity: quantity) else { return }
        request.clientOrderID = signalID
        request.metadata["signal_id"] = signalID
        request.metadata["strategy"] = runner.name
        guard let approved = try await approve(request, signal: signal, signalID: signalID, report: &report) else {
            if !signal.isReducing { await reconcileWithVenue(signal.symbol) }
            return
        }
        let trade = try await send(approved, signalID: signalID, purpose: .signal, referencePrice: signal.price)
        switch trade?.result.status {
        case .filled?: report.filledOrders += 1
        case .rejected?: report.venueRejections += 1
        default: break
        }
        if let trade { report.trades.append(trade) }
        if trade?.result.status != .filled { await reconcileWithVenue(signal.symbol) }
    }

    /// The risk engine's verdict on `request`: the request itself, a smaller one when limits named the
    /// quantities they would accept, or nil when refused.
    private func approve(
        _ request: OrderRequest, signal: StrategySignal, signalID: String, report: inout CycleReport
    ) async throws -> OrderRequest? {
        var request = request
        let original = request.quantity
        var decision = try await risk.check(request, referencePrice: signal.price)
        var cuts: [RiskRejection] = []
        // Each limit that names a smaller quantity it would accept cuts the order once; a limit further down
        // the check order may cut it again, so the size satisfies every limit at once.
        while let rejection = decision.rejection, let allowed = rejection.maxQuantity, allowed > 0,
            allowed < request.quantity * (1 - 1e-9), cuts.count < RiskCheck.allCases.count
        {
            cuts.append(rejection)
            request.quantity = allowed
            decision = try await risk.check(request, referencePrice: signal.price)
        }
        if decision.isAllowed, !cuts.isEmpty {
            report.riskAdjustments += 1
            metrics?.signal(symbol: signal.symbol, status: .adjusted)
            await record(
                .riskAdjusted, request: request, price: signal.price, signalID: signalID, status: "adjusted",
                extra: [
                    ("original_quantity", Self.text(original)), ("adjusted_quantity", Self.text(request.quantity)),
                    ("check", cuts.map(\.check.rawValue).joined(separator: ",")),
                    ("reason", cuts.map(\.reason).joined(separator: "; ")),
                ])
        }
        if let rejection = decision.rejection {
            report.riskRejections += 1
            metrics?.signal(symbol: signal.symbol, status: .rejected)
            await record(
                .riskRejected, request: request, price: signal.price, signalID: signalID, status: "rejected",
                extra: [("check", rejection.check.rawValue), ("reason", rejection.reason)])
            return nil
        }
        metrics?.signal(symbol: signal.symbol, status: .accepted)
        await record(.riskCheckPassed, request: request, price: signal.price, signalID: signalID, status: "allowed")
        return request
    }

    /// Sends an approved request (or, for `.liquidation`/`.shutdown`, a reducing one checked here), books
    /// the fill with the risk engine and journals the outcome.
    func send(
        _ request: OrderRequest, signalID: String, purpose: TradeRecord.Purpose, referencePrice: Double
    ) async throws -> TradeRecord? {
        if purpose != .signal {
            // Reducing orders pass every limit; checking still catches a position the engine does not know.
            if let rejection = try await risk.check(request, referencePrice: referencePrice).rejection {
                await record(
                    .riskRejected, request: request, price: referencePrice, signalID: signalID, status: "rejected",
                    extra: [("check", rejection.check.rawValue), ("reason", rejection.reason)])
                return nil
            }
        }
        let side = request.side.rawValue.uppercased()
        metrics?.order(symbol: request.symbol, result: .submitted, side: side)
        await record(.orderSubmitted, request: request, price: referencePrice, signalID: signalID, status: "submitted")
        let started = ContinuousClock.now
        let result: OrderResult
        do {
            result = try await execution.execute(request, context: settings.context)
        } catch {
            metrics?.order(symbol: request.symbol, result: .failed, side: side)
            metrics?.adapterError(operation: "execute")
            await record(
                .orderFailed, request: request, price: referencePrice, signalID: signalID, status: "failed",
                extra: [("error", "\(error)")])
            throw error
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        metrics?.executionLatency(seconds: seconds, symbol: request.symbol, status: result.status.rawValue)
        try await risk.onFill(order: request, result: result)
        if result.status == .filled || result.status == .partiallyFilled {
            metrics?.order(symbol: request.symbol, result: .executed, side: side)
        }
        var extra: [(String, String)] = [
            ("order_id", result.orderID), ("filled_quantity", Self.text(result.filledQuantity)),
            ("fee", Self.text(result.fee)), ("purpose", purpose.rawValue),
        ]
        if let price = result.averagePrice { extra.append(("avg_price", Self.text(price))) }
        if let reason = result.rejectionReason { extra.append(("reason", reason)) }
        await record(
            purpose == .signal ? .orderExecuted : .positionClosed, request: request,
            price: result.averagePrice ?? referencePrice, signalID: signalID, status: result.status.rawValue,
            extra: extra)
        let trade = TradeRecord(signalID: signalID, purpose: purpose, request: request, result: result)
        trades.append(trade)
        try await refreshExposure()
        return trade
    }

    /// Closes every position while the risk engine is in liquidation mode (`liquidation` as the marks left
    /// it), and says so once per episode.
    func enforceLiquidation(_ liquidation: RiskLiquidation?, report: inout CycleReport) async throws {
        metrics?.liquidation(liquidation != nil)
        guard let liquidation else {
            isLiquidating = false
            return
        }
        if !isLiquidating {
            isLiquidating = true
            await record(
                .liquidationEntered, symbol: nil, side: nil, quantity: nil, price: nil, status: "liquidation",
                extra: [("limit", liquidation.limit.rawValue), ("reason", liquidation.reason)])
        }
        let closed = try await closeAllPositions(purpose: .liquidation)
        report.liquidations += closed.count
        report.trades += closed
    }

    /// Tells the strategy the position the venue really holds, after an entry that did not fill.
    private func reconcileWithVenue(_ symbol: String) async {
        guard let held = await execution.positions()[symbol] else {
            runner.reconcile(symbol: symbol, to: .flat)
            return
        }
        let side: StrategyPosition.Side = held.side == .long ? .long : .short
        runner.reconcile(symbol: symbol, to: StrategyPosition(side: side, entryPrice: held.entryPrice))
    }

    static func text(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "nan"
    }
}
