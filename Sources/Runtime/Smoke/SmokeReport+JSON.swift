import BotData
import BotExchanges
import BotExecution
import BotRisk

extension SmokeReport {
    /// The content of `summary.json`, keys in this order: `status`, `environment`, `window`, `orders`,
    /// `ledger_entries`, `journal_events`, `metrics`, `alert_snapshot`, `risk_state`, `data_checks`,
    /// `storage`, `notes`. `risk_state`, `data_checks` and `storage` appear only when there is something
    /// to show; `data_checks.paper_precheck` holds the pre-check payload.
    public var summaryJSON: ReportJSON {
        var members: [(String, ReportJSON)] = [
            ("status", .string(status.rawValue)),
            ("environment", .string(environment)),
            ("window", .object([("start", .string(window.startText)), ("end", .string(window.endText))])),
            ("orders", .array(orders.map(\.json))),
            ("ledger_entries", .integer(Int64(ledger.count))),
            ("journal_events", .integer(Int64(journalEvents))),
            ("metrics", metrics.json),
            ("alert_snapshot", .object(alertChannels.map { ($0.name, .object([("status", .string($0.status))])) })),
        ]
        if let riskState { members.append(("risk_state", riskState.reportJSON)) }
        if let checks = combinedDataChecks { members.append(("data_checks", checks)) }
        if let storage { members.append(("storage", storage.json)) }
        members.append(("notes", .array(notes.map { .string($0) })))
        return .object(members)
    }

    /// The data checks with the pre-check payload under `paper_precheck`, as the reference nests them;
    /// nil when both are absent or empty.
    var combinedDataChecks: ReportJSON? {
        var members: [(String, ReportJSON)] = []
        switch dataChecks {
        case .object(let checks)?: members = checks
        case nil, .null?: break
        case let other?: members = [("result", other)]
        }
        if let precheck, precheck != .null { members.append(("paper_precheck", precheck)) }
        return members.isEmpty ? nil : .object(members)
    }
}

extension SmokeOrder {
    /// `{order_id, symbol, side, status, filled_quantity, avg_price, rejection_reason}`; absent values are null.
    var json: ReportJSON {
        .object([
            ("order_id", .string(orderID)), ("symbol", .string(symbol)), ("side", .string(side.rawValue)),
            ("status", .string(status.rawValue)), ("filled_quantity", .number(filledQuantity)),
            ("avg_price", .number(averagePrice)), ("rejection_reason", .string(rejectionReason)),
        ])
    }
}

extension SmokeLedgerMetrics {
    /// The `metrics` object of `summary.json`: `last_position_value` only with fills, `per_symbol` only
    /// when a fill names a symbol.
    var json: ReportJSON {
        var members: [(String, ReportJSON)] = [
            ("side_counts", .object([("buy", .integer(Int64(buyCount))), ("sell", .integer(Int64(sellCount)))])),
            (
                "notional",
                .object([("buy", .number(buyNotional)), ("sell", .number(sellNotional)), ("total", .number(totalNotional))])
            ),
            ("total_fees", .number(totalFees)),
            ("realized_pnl_total", .number(realizedPnL)),
        ]
        if let lastPositionValue { members.append(("last_position_value", .number(lastPositionValue))) }
        if !symbols.isEmpty {
            members.append(("per_symbol", .object(symbols.map { ($0.symbol, $0.json) })))
        }
        return .object(members)
    }
}

extension SmokeLedgerMetrics.SymbolMetrics {
    /// The reference's per-symbol block. Our orders are only buys or sells, so the `other_*` figures are 0;
    /// they stay for readers of the reference's files.
    var json: ReportJSON {
        var members: [(String, ReportJSON)] = [
            ("orders", .integer(Int64(orders))), ("buy_orders", .integer(Int64(buyOrders))),
            ("sell_orders", .integer(Int64(sellOrders))), ("other_orders", .integer(0)),
            ("buy_quantity", .number(buyQuantity)), ("sell_quantity", .number(sellQuantity)),
            ("other_quantity", .number(0)), ("buy_notional", .number(buyNotional)),
            ("sell_notional", .number(sellNotional)), ("other_notional", .number(0)),
            ("total_notional", .number(totalNotional)), ("net_quantity", .number(netQuantity)),
            ("fees", .number(fees)), ("realized_pnl", .number(realizedPnL)),
        ]
        if let lastPositionValue { members.append(("last_position_value", .number(lastPositionValue))) }
        return .object(members)
    }
}

extension LedgerRecord {
    /// The record with its `Codable` keys in their declared order (every key, null when absent), for
    /// `ledger.jsonl`: `JSONEncoder` would reorder the keys.
    var reportJSON: ReportJSON {
        .object([
            ("timestamp", .integer(timestamp)), ("order_id", .string(orderID)),
            ("client_order_id", .string(clientOrderID)), ("symbol", .string(symbol)),
            ("side", .string(side.rawValue)), ("type", .string(type.rawValue)), ("quantity", .number(quantity)),
            ("price", .number(price)), ("fee", .number(fee)), ("fee_asset", .string(feeAsset)),
            ("status", .string(status.rawValue)), ("liquidity", .string(liquidity?.rawValue)),
            ("leverage", .number(leverage)), ("position_value", .number(positionValue)),
            ("realized_pnl", .number(realizedPnL)), ("reason", .string(reason)),
            ("portfolio_id", .string(portfolioID)), ("risk_profile", .string(riskProfile)),
            ("environment", .string(environment)),
        ])
    }
}

extension RiskSnapshot {
    /// The snapshot with its `Codable` keys in declared order; positions sorted by symbol.
    var reportJSON: ReportJSON {
        let liquidationJSON: ReportJSON =
            liquidation.map {
                .object([("limit", .string($0.limit.rawValue)), ("since", .integer($0.since)), ("reason", .string($0.reason))])
            } ?? .null
        return .object([
            ("environment", .string(environment)),
            (
                "limits",
                .object([
                    ("name", .string(limits.name)), ("max_daily_loss_pct", .number(limits.maxDailyLossPct)),
                    ("max_position_pct", .number(limits.maxPositionPct)),
                    ("target_volatility", .number(limits.targetVolatility)),
                    ("max_leverage", .number(limits.maxLeverage)),
                    ("stop_loss_atr_multiple", .number(limits.stopLossATRMultiple)),
                    ("max_open_positions", .integer(Int64(limits.maxOpenPositions))),
                    ("hard_drawdown_pct", .number(limits.hardDrawdownPct)),
                ])
            ),
            ("mode", .string(mode.rawValue)), ("liquidation", liquidationJSON),
            ("current_day", .string(currentDay)), ("equity", .number(equity)),
            ("start_of_day_equity", .number(startOfDayEquity)), ("peak_equity", .number(peakEquity)),
            ("daily_realized_pnl", .number(dailyRealizedPnL)), ("unrealized_pnl", .number(unrealizedPnL)),
            ("daily_loss", .number(dailyLoss)), ("daily_loss_pct", .number(dailyLossPct)),
            ("drawdown_pct", .number(drawdownPct)), ("gross_exposure", .number(grossExposure)),
            ("leverage", .number(leverage)), ("open_positions", .integer(Int64(openPositions))),
            (
                "positions",
                .object(
                    positions.sorted { $0.key < $1.key }.map { symbol, position in
                        (
                            symbol,
                            .object([
                                ("quantity", .number(position.quantity)),
                                ("average_price", .number(position.averagePrice)),
                                ("mark_price", .number(position.markPrice)),
                            ])
                        )
                    })
            ),
        ])
    }
}
