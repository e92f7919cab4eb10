import BotExchanges
import BotExecution
import BotRisk
import BotStrategies

/// The trading loop's core: new closed candles → strategy → risk engine → paper execution → journal.
///
/// One pass (``process(_:)``) walks the bars of every symbol in time order, one time step at a time, so
/// several symbols trade against one account as they would have live: at each step the venue and the risk
/// engine first see the step's closes (fills of resting orders, marks, the hard limits), then the strategy
/// decides on each bar and every decision goes through the risk engine before it reaches the venue.
///
/// Every fill, on every path (signals, liquidation, shutdown), is booked with the risk engine, so its
/// positions, exposure and daily loss are the account's (reference-runtime §13.1 fixed). Exits are
/// reducing orders for the whole real position (§13.2). The strategy sees each bar once, whatever window
/// the caller re-reads (§13.3). When the risk engine latches liquidation mode, open positions are closed at
/// once and new exposure is refused until it is released.
///
/// Time: the controller advances its ``TradingClock`` to each bar's close, so a replay stamps and books
/// fills at the bars' own times; with a wall clock the advance is a no-op.
public actor TradingController {
    public let settings: TradingControllerSettings
    let risk: RiskEngine
    let execution: PaperExecutionService
    let journal: any DecisionJournal
    let metrics: TradingMetrics?
    let clock: TradingClock
    let runner: StrategyDriver
    var isLiquidating = false
    var trades: [TradeRecord] = []
    /// What the account holds, re-read after every order and fill; nil until first read.
    var exposure: Exposure?

    struct Exposure {
        var symbols: Set<String> = []
        var hasRestingOrders = false
    }

    /// A controller trading `strategy`'s signals through `risk` and `execution`.
    /// - Parameters:
    ///   - strategy: the strategy, driven through a ``StrategyDriver`` made where its type is known
    ///     (`StrategyDriver(DailyTrendMomentumStrategy(...))`), so every bar runs code compiled for it.
    ///   - journal: where every decision is recorded; ``DisabledDecisionJournal`` for none.
    ///   - metrics: the Prometheus counters to update; nil for none.
    ///   - clock: the clock `risk` and `execution` were built with.
    public init(
        strategy: StrategyDriver, settings: TradingControllerSettings, risk: RiskEngine, execution: PaperExecutionService,
        journal: any DecisionJournal, metrics: TradingMetrics? = nil, clock: TradingClock
    ) {
        self.settings = settings
        self.risk = risk
        self.execution = execution
        self.journal = journal
        self.metrics = metrics
        self.clock = clock
        self.runner = strategy
    }

    /// Takes in history without trading: the strategy's windows fill, nothing is signalled or sent.
    /// - Returns: how many bars were taken in.
    @discardableResult
    public func warmUp(_ history: [String: [Candle]]) -> Int {
        var taken = 0
        for symbol in history.keys.sorted() {
            taken += runner.warmUp(symbol: symbol, history: history[symbol] ?? [])
        }
        return taken
    }

    /// Trades every bar of `bars` (symbol → candles in increasing open time) that is newer than the last
    /// bar seen for its symbol, in time order across symbols.
    ///
    /// - Throws: a risk-state or ledger write failure (``RiskStateError``, ``ExecutionError``); what was
    ///   done before it stays booked and journalled.
    public func process(_ bars: [String: [Candle]]) async throws -> CycleReport {
        var report = CycleReport()
        let symbols = bars.keys.sorted()
        let series = symbols.map { bars[$0] ?? [] }
        var cursors = [Int](repeating: 0, count: series.count)
        // The runner remembers each symbol's last bar too; a local copy saves a lookup per bar.
        var lastSeen = symbols.map { runner.lastOpenTime(symbol: $0) ?? .min }
        var step: [(symbol: String, bar: Candle)] = []
        while true {
            var openTime = Int64.max
            for index in series.indices where cursors[index] < series[index].count {
                openTime = min(openTime, series[index][cursors[index]].openTime)
            }
            guard openTime != .max else { break }
            step.removeAll(keepingCapacity: true)
            for index in series.indices {
                while cursors[index] < series[index].count, series[index][cursors[index]].openTime <= openTime {
                    let bar = series[index][cursors[index]]
                    cursors[index] += 1
                    if Self.isValid(bar), bar.openTime > lastSeen[index] {
                        lastSeen[index] = bar.openTime
                        step.append((symbols[index], bar))
                    } else {
                        report.skippedBars += 1
                    }
                }
            }
            guard !step.isEmpty else { continue }
            try await trade(step: step, openTime: openTime, report: &report)
        }
        return report
    }

    /// Closes every open position with a reducing market order at the last price, books the fills and
    /// records them; the strategy is told it is flat.
    public func closeAllPositions(purpose: TradeRecord.Purpose = .shutdown) async throws -> [TradeRecord] {
        var closed: [TradeRecord] = []
        for (symbol, position) in await execution.positions().sorted(by: { $0.key < $1.key }) {
            let price = await execution.lastPrice(of: symbol) ?? position.entryPrice
            let id = "\(settings.context.environment):\(symbol):\(purpose.rawValue):\(clock.now())"
            let request = OrderRequest(
                symbol: symbol, side: position.side == .long ? .sell : .buy, quantity: position.quantity,
                type: .market, price: price, reduceOnly: true, clientOrderID: id,
                metadata: ["purpose": purpose.rawValue, "signal_id": id])
            if let record = try await send(request, signalID: id, purpose: purpose, referencePrice: price) {
                closed.append(record)
            }
            runner.reconcile(symbol: symbol, to: .flat)
        }
        return closed
    }

    /// Every order sent so far, oldest first.
    public var tradeRecords: [TradeRecord] { trades }

    /// The position the strategy believes it holds in each symbol seen.
    public var strategyPositions: [String: StrategyPosition] { runner.positions }

    /// The open time of the last bar taken in for `symbol`.
    public func lastOpenTime(symbol: String) -> Int64? { runner.lastOpenTime(symbol: symbol) }

    // MARK: - One time step

    private func trade(step: [(symbol: String, bar: Candle)], openTime: Int64, report: inout CycleReport) async throws {
        let closeTime = settings.interval.next(after: openTime)
        clock.advance(to: closeTime)
        if exposure == nil { try await refreshExposure() }
        // The strategy sees only bars, so it can decide before the account moves; the orders wait until the
        // venue and the risk engine have seen the step.
        var signals: [StrategySignal] = []
        for (symbol, bar) in step {
            report.bars += 1
            report.lastOpenTime = max(report.lastOpenTime ?? .min, bar.openTime)
            if let signal = runner.feed(bar, symbol: symbol).signal, signal.isActionable { signals.append(signal) }
        }
        // A flat account with no resting order is not moved by prices: the venue and the risk engine only need
        // the symbols held and the symbols about to trade. This keeps a replay's time steps free of actor hops.
        let exposure = self.exposure ?? Exposure()
        var updates: [(symbol: String, update: MarketUpdate)] = []
        var marks: [String: Double] = [:]
        for (symbol, bar) in step
        where exposure.hasRestingOrders || exposure.symbols.contains(symbol) || signals.contains(where: { $0.symbol == symbol }) {
            updates.append((symbol, .candle(bar)))
            if exposure.symbols.contains(symbol) { marks[symbol] = bar.close }
        }
        if !updates.isEmpty {
            let fills = try await execution.updateMarket(updates, timestamp: closeTime)
            for fill in fills {
                try await risk.onFill(
                    symbol: fill.symbol, side: fill.side, quantity: fill.quantity, price: fill.price, fee: fill.fee,
                    timestamp: fill.timestamp)
            }
            if !fills.isEmpty { try await refreshExposure() }
        }
        if !marks.isEmpty || isLiquidating {
            try await enforceLiquidation(try await risk.markToMarket(marks), report: &report)
        }
        for signal in signals {
            try await handle(signal, report: &report)
        }
    }

    /// Re-reads which symbols the account holds and whether orders rest, after anything that may change them.
    func refreshExposure() async throws {
        exposure = Exposure(
            symbols: Set(await execution.positions().keys), hasRestingOrders: !(await execution.openOrderIDs().isEmpty))
    }

    static func isValid(_ bar: Candle) -> Bool {
        bar.open.isFinite && bar.high.isFinite && bar.low.isFinite && bar.close.isFinite && bar.low <= bar.high
            && bar.close > 0
    }
}
