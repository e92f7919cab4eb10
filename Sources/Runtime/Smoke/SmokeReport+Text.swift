import BotData
import BotRisk

extension SmokeReport {
    /// The lines of `summary.txt` (the reference's Polish lines, in English, same content and order),
    /// ending with the SHA-256 of `summary.json`.
    public func summaryLines(summarySHA256: String) -> [String] {
        var lines = [
            "Environment: \(environment)",
            "Date range: \(window.startText) → \(window.endText)",
            "Orders: \(orders.count)",
            "Ledger entries: \(ledger.count)",
        ]
        lines += metrics.textLines
        if let riskState { lines += riskState.textLines }
        lines += dataCheckLines
        if let storage { lines.append(storage.textLine) }
        if alertChannels.isEmpty {
            lines.append("Alerts: no alert channel data")
        } else {
            lines.append("Alerts: " + alertChannels.map { "\($0.name): \($0.status.uppercased())" }.joined(separator: "; "))
        }
        lines.append("SHA-256 summary.json: \(summarySHA256)")
        return lines
    }

    private var dataCheckLines: [String] {
        var lines: [String] = []
        if let manifest = dataChecks?["manifest"], case .object = manifest {
            let status = Self.text(manifest["status"])?.uppercased() ?? "UNKNOWN"
            if case .array(let entries)? = manifest["entries"], !entries.isEmpty {
                let issues = entries.reduce(0) { total, entry in
                    guard case .array(let list)? = entry["issues"] else { return total }
                    return total + list.count
                }
                lines.append("OHLCV manifest: \(status) (\(entries.count) entries, issues: \(issues))")
            } else {
                lines.append("OHLCV manifest: \(status) (no entries)")
            }
        }
        if case .object(let symbols)? = dataChecks?["cache"], !symbols.isEmpty {
            let parts = symbols.sorted { $0.0 < $1.0 }.map { symbol, info -> String in
                guard case .object(let intervals)? = info["intervals"] else { return symbol }
                let details = intervals.sorted { $0.0 < $1.0 }.map { interval, figures in
                    let coverage = Self.integerText(figures["coverage_bars"])
                    let required = Self.integerText(figures["required_bars"])
                    let rows = Self.integerText(figures["row_count"])
                    return "\(interval) (coverage \(coverage)/\(required), rows \(rows))"
                }
                return "\(symbol) [\(details.joined(separator: "; "))]"
            }
            lines.append("Offline cache: " + parts.joined(separator: "; "))
        }
        if let precheck, case .object = precheck {
            let status = Self.text(precheck["status"])?.uppercased() ?? "UNKNOWN"
            let coverage = Self.text(precheck["coverage_status"]) ?? "n/a"
            let risk = Self.text(precheck["risk_status"]) ?? "n/a"
            var line = "Paper pre-check: \(status) (coverage=\(coverage), risk=\(risk))"
            let counts = [
                ("coverage_warn", Self.count(precheck["coverage_warnings"])),
                ("config_warn", Self.count(precheck["config"]?["warnings"])),
                ("risk_warn", Self.count(precheck["risk"]?["warnings"])),
            ]
            if counts.contains(where: { $0.1 > 0 }) {
                line += " (" + counts.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + ")"
            }
            lines.append(line)
        }
        return lines
    }

    private static func text(_ value: ReportJSON?) -> String? {
        guard case .string(let text)? = value else { return nil }
        return text
    }

    private static func integerText(_ value: ReportJSON?) -> String {
        switch value {
        case .integer(let number)?: String(number)
        case .number(let number)? where number.isFinite: String(Int64(number))
        case .string(let text)?: text
        default: "?"
        }
    }

    private static func count(_ value: ReportJSON?) -> Int {
        guard case .array(let items)? = value else { return 0 }
        return items.count
    }
}

extension SmokeLedgerMetrics {
    /// The metrics lines of `summary.txt`.
    var textLines: [String] {
        typealias Format = SmokeTextFormat
        var lines: [String] = []
        if buyCount > 0 || sellCount > 0 { lines.append("BUY/SELL orders: \(buyCount)/\(sellCount)") }
        lines.append(
            "Volume BUY: \(Format.money(buyNotional)) | SELL: \(Format.money(sellNotional)) | "
                + "Total: \(Format.money(totalNotional))")
        lines.append("Total fees: \(Format.fees(totalFees))")
        lines.append("Realised PnL (gross): \(Format.money(realizedPnL))")
        if let lastPositionValue { lines.append("Last position value: \(Format.money(lastPositionValue))") }
        // The three symbols that traded the most, by notional; ties by symbol so the line is stable.
        let top = symbols.sorted {
            $0.totalNotional != $1.totalNotional ? $0.totalNotional > $1.totalNotional : $0.symbol < $1.symbol
        }.prefix(3)
        let parts = top.compactMap(\.textPart)
        if !parts.isEmpty { lines.append("Instruments: " + parts.joined(separator: "; ")) }
        return lines
    }
}

extension SmokeLedgerMetrics.SymbolMetrics {
    /// `BTCUSDT: orders 4, volume 20 043.17, fees 12.0259, net +0.3917, value 20 618.05, PnL 0.00`; each
    /// figure only when it is not zero; nil when there is nothing to report.
    var textPart: String? {
        typealias Format = SmokeTextFormat
        guard orders > 0 else { return nil }
        var part = "\(symbol): orders \(orders)"
        if totalNotional > 0 { part += ", volume \(Format.money(totalNotional))" }
        if fees != 0 { part += ", fees \(Format.fees(fees))" }
        if abs(netQuantity) > SmokeLedgerMetrics.tolerance { part += ", net \(Format.signed(netQuantity))" }
        if let lastPositionValue, lastPositionValue != 0 { part += ", value \(Format.money(lastPositionValue))" }
        if realizedPnL != 0 { part += ", PnL \(Format.money(realizedPnL))" }
        return part
    }
}

extension RiskSnapshot {
    /// The risk lines of `summary.txt`.
    var textLines: [String] {
        typealias Format = SmokeTextFormat
        var lines = [
            "Risk profile: \(limits.name)",
            "Active positions: \(openPositions) | Gross exposure: \(Format.money(grossExposure))",
        ]
        let held = positions.filter { $0.value.notional > 0 }.sorted {
            $0.value.notional != $1.value.notional ? $0.value.notional > $1.value.notional : $0.key < $1.key
        }.prefix(5)
        if !held.isEmpty {
            lines.append(
                "Positions: "
                    + held.map { "\($0.key): \($0.value.quantity < 0 ? "SHORT" : "LONG") \(Format.money($0.value.notional))" }
                    .joined(separator: "; "))
        }
        lines.append("Daily loss: \(Format.percent(dailyLossPct)) | Drawdown: \(Format.percent(drawdownPct))")
        lines.append("Force liquidation: \(mode == .liquidation ? "YES" : "NO")")
        lines.append(
            "Limits: max positions \(limits.maxOpenPositions), max exposure \(Format.percent(limits.maxPositionPct)), "
                + "max leverage \(Format.fixed(limits.maxLeverage, decimals: 2))x, "
                + "daily loss \(Format.percent(limits.maxDailyLossPct)), "
                + "drawdown \(Format.percent(limits.hardDrawdownPct)), "
                + "target vol \(Format.percent(limits.targetVolatility)), "
                + "stop loss ATR× \(Format.fixed(limits.stopLossATRMultiple, decimals: 2))")
        return lines
    }
}

extension StorageStatus {
    /// `Report storage: status=OK, free 79 538.05 MB, total 258 019.61 MB, threshold 10.00 MB`; unknown
    /// figures are left out.
    var textLine: String {
        var line = "Report storage: status=\(status.rawValue.uppercased())"
        if let freeMB { line += ", free \(SmokeTextFormat.money(freeMB)) MB" }
        if let totalMB { line += ", total \(SmokeTextFormat.money(totalMB)) MB" }
        if let thresholdMB { line += ", threshold \(SmokeTextFormat.money(thresholdMB)) MB" }
        return line
    }
}
