import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("TradingMetrics")
struct TradingMetricsTests {
    @Test("every family carries the base labels and its own, and parses with prometheus_client")
    func catalogue() throws {
        let registry = MetricsRegistry()
        let metrics = try TradingMetrics(
            registry: registry, environment: "paper", portfolio: "binance_paper", riskProfile: "balanced")
        metrics.signal(symbol: "BTCUSDT", status: .received)
        metrics.signal(symbol: "BTCUSDT", status: .accepted)
        metrics.order(symbol: "BTCUSDT", result: .submitted, side: "BUY")
        metrics.order(symbol: "BTCUSDT", result: .executed, side: "BUY")
        metrics.healthReport()
        metrics.liquidation(true)
        metrics.adapterError(operation: "fetch_ohlcv")
        metrics.executionLatency(seconds: 0.003, symbol: "BTCUSDT", status: "filled")
        metrics.executionLatency(seconds: 3, symbol: "BTCUSDT", status: "filled")
        metrics.alertChannel("telegram:primary", healthy: false)
        metrics.cycle(succeeded: true, at: 1_704_067_200_500)
        metrics.cycle(succeeded: false, at: 1_704_067_260_000)

        let base = ["environment": "paper", "portfolio": "binance_paper", "risk_profile": "balanced"]
        let families = try ParsedFamily.parse(registry.renderPrometheus())
        func family(_ name: String) throws -> ParsedFamily { try #require(families.first { $0.name == name }) }
        for family in families {
            for sample in family.samples {
                #expect(base.allSatisfy { sample.labels[$0.key] == $0.value }, "\(sample.name) lacks base labels")
            }
        }
        #expect(try family("trading_signals").values("trading_signals_total", where: ["status": "accepted"]) == [1])
        #expect(
            try family("trading_orders").values(
                "trading_orders_total", where: ["result": "executed", "side": "BUY", "symbol": "BTCUSDT"]) == [1])
        #expect(try family("trading_health_reports").values("trading_health_reports_total") == [1])
        #expect(try family("trading_liquidation_state").values("trading_liquidation_state") == [1])
        #expect(
            try family("trading_adapter_errors").values(
                "trading_adapter_errors_total", where: ["operation": "fetch_ohlcv"]) == [1])
        let latency = try family("trading_execution_latency_seconds")
        #expect(latency.type == "histogram")
        #expect(
            latency.values("trading_execution_latency_seconds_bucket", where: ["status": "filled"])
                == [0, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2])
        #expect(try family("alert_channel_health").values("alert_channel_health", where: ["channel": "telegram:primary"]) == [0])
        #expect(try family("trading_cycles").values("trading_cycles_total", where: ["result": "ok"]) == [1])
        #expect(try family("trading_cycles").values("trading_cycles_total", where: ["result": "failed"]) == [1])
        #expect(
            try family("trading_last_cycle_timestamp_seconds").values("trading_last_cycle_timestamp_seconds")
                == [1_704_067_260])
    }

    @Test("the liquidation gauge starts at 0 and two controllers share the registry's families")
    func sharedRegistry() throws {
        let registry = MetricsRegistry()
        let paper = try TradingMetrics(registry: registry, environment: "paper", portfolio: "p", riskProfile: "balanced")
        let other = try TradingMetrics(registry: registry, environment: "demo", portfolio: "p", riskProfile: "balanced")
        paper.signal(symbol: "ETHUSDT", status: .rejected)
        other.signal(symbol: "ETHUSDT", status: .rejected)
        let text = registry.renderPrometheus()
        #expect(text.contains("trading_liquidation_state{environment=\"paper\",portfolio=\"p\",risk_profile=\"balanced\"} 0\n"))
        #expect(text.components(separatedBy: "status=\"rejected\"").count == 3)
    }

    @Test("a name already taken by another type makes the constructor throw")
    func conflict() throws {
        let registry = MetricsRegistry()
        _ = try registry.gauge("trading_signals_total", help: "wrong type")
        #expect(throws: MetricsError.self) {
            try TradingMetrics(registry: registry, environment: "e", portfolio: "p", riskProfile: "r")
        }
    }
}
