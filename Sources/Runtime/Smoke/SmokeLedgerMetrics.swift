import BotExchanges
import BotExecution

/// Trading figures of a smoke run, computed from the fills in its ledger (entries whose status is
/// `filled` or `partially_filled`; accepted, cancelled and rejected orders moved no money).
///
/// Notional is `|quantity| × max(price, 0)`. Realised PnL matches lots first in, first out per symbol: a
/// buy first closes open short lots (`(lot price − price) × matched`) and opens a long lot with what is
/// left; a sell first closes long lots (`(price − lot price) × matched`) and opens a short lot. Quantities
/// within 1e-9 of zero count as zero. PnL is gross: fees are reported separately.
public struct SmokeLedgerMetrics: Sendable, Hashable {
    /// One symbol's figures.
    public struct SymbolMetrics: Sendable, Hashable {
        public var symbol: String
        public var orders = 0
        public var buyOrders = 0
        public var sellOrders = 0
        public var buyQuantity = 0.0
        public var sellQuantity = 0.0
        public var buyNotional = 0.0
        public var sellNotional = 0.0
        public var fees = 0.0
        public var realizedPnL = 0.0
        /// The position value recorded by the symbol's last fill.
        public var lastPositionValue: Double?

        /// Buy plus sell notional.
        public var totalNotional: Double { buyNotional + sellNotional }
        /// Bought minus sold quantity.
        public var netQuantity: Double { buyQuantity - sellQuantity }

        init(symbol: String) { self.symbol = symbol }
    }

    /// The number of fills that were buys.
    public private(set) var buyCount = 0
    /// The number of fills that were sells.
    public private(set) var sellCount = 0
    public private(set) var buyNotional = 0.0
    public private(set) var sellNotional = 0.0
    public private(set) var totalFees = 0.0
    /// The sum of every symbol's FIFO realised PnL.
    public private(set) var realizedPnL = 0.0
    /// The position value recorded by the last fill; nil without fills.
    public private(set) var lastPositionValue: Double?
    /// Per symbol, sorted by symbol.
    public private(set) var symbols: [SymbolMetrics] = []

    /// Buy plus sell notional.
    public var totalNotional: Double { buyNotional + sellNotional }

    static let tolerance = 1e-9

    /// The figures of the fills in `ledger`, in ledger order.
    public init(ledger: [LedgerRecord]) {
        var bySymbol: [String: SymbolMetrics] = [:]
        var books: [String: FIFOBook] = [:]
        for record in ledger where record.status == .filled || record.status == .partiallyFilled {
            let quantity = abs(record.quantity)
            let notional = quantity * max(record.price, 0)
            var metrics = bySymbol[record.symbol] ?? SymbolMetrics(symbol: record.symbol)
            metrics.orders += 1
            switch record.side {
            case .buy:
                buyCount += 1
                buyNotional += notional
                metrics.buyOrders += 1
                metrics.buyQuantity += quantity
                metrics.buyNotional += notional
            case .sell:
                sellCount += 1
                sellNotional += notional
                metrics.sellOrders += 1
                metrics.sellQuantity += quantity
                metrics.sellNotional += notional
            }
            totalFees += record.fee
            metrics.fees += record.fee
            metrics.realizedPnL += books[record.symbol, default: FIFOBook()]
                .fill(side: record.side, quantity: quantity, price: record.price)
            metrics.lastPositionValue = record.positionValue
            lastPositionValue = record.positionValue
            bySymbol[record.symbol] = metrics
        }
        symbols = bySymbol.values.sorted { $0.symbol < $1.symbol }
        realizedPnL = symbols.reduce(0) { $0 + $1.realizedPnL }
    }

    /// Open lots of one symbol: longs and shorts, oldest first.
    struct FIFOBook {
        private var longs: [(quantity: Double, price: Double)] = []
        private var shorts: [(quantity: Double, price: Double)] = []

        /// Applies a fill and returns the PnL it realised.
        mutating func fill(side: OrderSide, quantity: Double, price: Double) -> Double {
            var remaining = quantity
            var pnl = 0.0
            switch side {
            case .buy:
                pnl = Self.close(&shorts, quantity: &remaining) { lotPrice in lotPrice - price }
                if remaining > SmokeLedgerMetrics.tolerance { longs.append((remaining, price)) }
            case .sell:
                pnl = Self.close(&longs, quantity: &remaining) { lotPrice in price - lotPrice }
                if remaining > SmokeLedgerMetrics.tolerance { shorts.append((remaining, price)) }
            }
            return pnl
        }

        private static func close(
            _ lots: inout [(quantity: Double, price: Double)], quantity remaining: inout Double,
            gainPerUnit: (Double) -> Double
        ) -> Double {
            var pnl = 0.0
            var consumed = 0
            while remaining > SmokeLedgerMetrics.tolerance, consumed < lots.count {
                let matched = min(remaining, lots[consumed].quantity)
                pnl += gainPerUnit(lots[consumed].price) * matched
                remaining -= matched
                lots[consumed].quantity -= matched
                if lots[consumed].quantity <= SmokeLedgerMetrics.tolerance { consumed += 1 }
            }
            lots.removeFirst(consumed)
            return pnl
        }
    }
}
