import BotCodecs
import BotData
import BotExchanges
import BotExecution
import BotRisk
import BotRuntime
import Foundation
import TestSupport
import Testing

/// Crafted smoke-report content shared by the Smoke*Tests suites.
enum SmokeReportFixture {
    static func millis(_ text: String) -> Int64 { UTCDateTime.milliseconds(parsing: text)! }

    static let window = SmokeWindow(start: millis("2026-10-12T00:00:00Z"), end: millis("2026-11-20T23:59:59.999Z"))

    static func record(
        _ symbol: String, _ side: OrderSide, _ quantity: Double, _ price: Double, fee: Double = 0,
        status: OrderStatus = .filled, positionValue: Double = 0, id: String = "paper-1", at time: Int64 = 0
    ) -> LedgerRecord {
        LedgerRecord(
            timestamp: time, orderID: id, clientOrderID: nil, symbol: symbol, side: side, type: .market,
            quantity: quantity, price: price, fee: fee, feeAsset: fee == 0 ? "" : "USDT", status: status,
            liquidity: status == .filled || status == .partiallyFilled ? .taker : nil, leverage: 1,
            positionValue: positionValue, realizedPnL: 0, reason: status == .rejected ? "risk: limit" : nil,
            portfolioID: "paper", riskProfile: "balanced", environment: "binance_paper")
    }

    /// Two BTC fills (a long opened, partly closed) and one ETH buy.
    static let ledger = [
        record("BTCUSDT", .buy, 0.5, 40_000, fee: 10, positionValue: 20_000, id: "paper-1"),
        record("BTCUSDT", .sell, 0.2, 42_000, fee: 4.2, positionValue: 12_600, id: "paper-2"),
        record("ETHUSDT", .buy, 2, 2_000, fee: 2, positionValue: 4_000, id: "paper-3"),
    ]

    static let orders = [
        SmokeOrder(orderID: "paper-1", symbol: "BTCUSDT", side: .buy, status: .filled, filledQuantity: 0.5, averagePrice: 40_000),
        SmokeOrder(orderID: "paper-2", symbol: "BTCUSDT", side: .sell, status: .filled, filledQuantity: 0.2, averagePrice: 42_000),
        SmokeOrder(orderID: "paper-3", symbol: "ETHUSDT", side: .buy, status: .filled, filledQuantity: 2, averagePrice: 2_000),
        SmokeOrder(
            orderID: "paper-4", symbol: "ETHUSDT", side: .buy, status: .rejected, filledQuantity: 0,
            rejectionReason: "max positions"),
    ]

    static let dataChecks: ReportJSON = .object([
        ("interval", .string("1d")), ("symbols", .array([.string("BTCUSDT")])), ("required_bars", .integer(41)),
        (
            "manifest",
            .object([
                ("status", .string("ok")),
                ("entries", .array([.object([("symbol", .string("BTCUSDT")), ("issues", .array([]))])])),
            ])
        ),
        (
            "cache",
            .object([
                (
                    "BTCUSDT",
                    .object([
                        (
                            "intervals",
                            .object([
                                (
                                    "1d",
                                    .object([
                                        ("row_count", .integer(60)), ("coverage_bars", .integer(60)),
                                        ("required_bars", .integer(41)),
                                    ])
                                )
                            ])
                        )
                    ])
                )
            ])
        ),
    ])

    static func precheck(status: String = "ok", riskWarnings: Int = 0) -> ReportJSON {
        .object([
            ("status", .string(status)), ("config", .object([("valid", .bool(true)), ("warnings", .array([]))])),
            ("coverage_warnings", .array([])),
            ("risk", .object([("warnings", .array(Array(repeating: .string("w"), count: riskWarnings)))])),
            ("coverage_status", .string("ok")), ("risk_status", .string(riskWarnings > 0 ? "warning" : "ok")),
        ])
    }

    static let storage = StorageStatus(
        directory: "/tmp/r", status: .ok, freeBytes: 83_401_695_232, totalBytes: 270_553_174_016,
        thresholdBytes: 10_485_760)

    static let profile = RiskProfile(
        name: "balanced", maxDailyLossPct: 0.015, maxPositionPct: 0.05, targetVolatility: 0.11, maxLeverage: 3,
        stopLossATRMultiple: 1.5, maxOpenPositions: 5, hardDrawdownPct: 0.1)

    static func riskSnapshot() async throws -> RiskSnapshot {
        let now = window.end
        let engine = try RiskEngine(
            profile: profile, environment: "binance_paper", startingEquity: 100_000, stateFile: nil, clock: { now })
        return await engine.snapshot()
    }

    static func fullReport() async throws -> SmokeReport {
        SmokeReport(
            environment: "binance_paper", window: window, orders: orders, ledger: ledger,
            riskState: try await riskSnapshot(), dataChecks: dataChecks, precheck: precheck(status: "warning", riskWarnings: 1),
            storage: storage, journalEvents: 7, notes: ["offline adapter"])
    }

    static func sha256sum(_ url: URL) throws -> String {
        let result = try Oracle.command("sha256sum", [url.path])
        try #require(result.status == 0, "sha256sum failed: \(result.errorText)")
        return String(result.outputText.prefix(64))
    }

    static func members(_ json: ReportJSON?) -> [String] {
        guard case .object(let members)? = json else { return [] }
        return members.map(\.0)
    }
}
