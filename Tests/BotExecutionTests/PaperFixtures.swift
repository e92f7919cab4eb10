import BotExchanges
import Foundation

@testable import BotExecution

/// Markets, contexts and clocks shared by the execution tests.
enum PaperFixtures {
    static let start: Int64 = 1_700_000_000_000

    static let btc = MarketMetadata(
        baseAsset: "BTC", quoteAsset: "USDT", minQuantity: 0.001, minNotional: 10, stepSize: 0.001, tickSize: 0.01)
    static let eth = MarketMetadata(baseAsset: "ETH", quoteAsset: "USDT")

    static let context = ExecutionContext(portfolioID: "paper-1", riskProfile: "balanced", environment: "binance_paper")

    static func context(leverage: String) -> ExecutionContext {
        ExecutionContext(
            portfolioID: "paper-1", riskProfile: "balanced", environment: "binance_paper",
            metadata: [ExecutionContext.leverageKey: leverage])
    }

    /// Fees without slippage, so expected balances are easy to write down exactly.
    static let noSlippage = PaperExecutionSettings(slippageBPS: 0)

    static func service(
        balances: [String: Double] = ["USDT": 100_000], settings: PaperExecutionSettings = PaperExecutionSettings(),
        ledger: LedgerStorage = .memory, clock: ManualClock = ManualClock()
    ) -> PaperExecutionService {
        PaperExecutionService(
            markets: ["BTCUSDT": btc, "ETHUSDT": eth], initialBalances: balances, settings: settings, ledger: ledger,
            clock: { clock.now() })
    }
}

/// A clock tests move by hand; `step` advances it on every read, to measure latency.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int64
    private let step: Int64

    init(_ start: Int64 = PaperFixtures.start, step: Int64 = 0) {
        current = start
        self.step = step
    }

    func now() -> Int64 {
        lock.withLock {
            defer { current += step }
            return current
        }
    }

    func set(_ value: Int64) { lock.withLock { current = value } }
}
