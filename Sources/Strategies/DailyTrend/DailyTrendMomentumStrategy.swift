import BotExchanges

/// The reference's long-only trend follower (reference-runtime §4.1): enter on a breakout above the
/// channel high in an up-trend with momentum, leave when the trend turns, the ATR stop is hit or the
/// channel low breaks.
///
/// Every number is computed as the reference computes it (simple means summed oldest first, simple-mean
/// ATR, channel excluding the current bar), so the signals and their metadata are bit-identical to the
/// reference's on the same bars. Unlike the reference, bars reach it through a ``StrategyRunner``, which
/// feeds each bar once (§13.3), and its exits are reducing orders for the whole position (§13.2).
public struct DailyTrendMomentumStrategy: Strategy {
    /// The `engine` name in the config and the strategy name in orders.
    public static let engineName = "daily_trend_momentum"

    /// The validated settings.
    public let parameters: Parameters

    /// A strategy with `parameters`, validated first.
    public init(parameters: Parameters = .defaults) throws(StrategyParameterError) {
        try parameters.validate()
        self.parameters = parameters
    }

    public var name: String { Self.engineName }

    public var warmUpBarCount: Int { parameters.warmUpBarCount }

    public func makeState(symbol: String) -> SymbolState {
        SymbolState(parameters: parameters)
    }

    public func warmUp(with bar: Candle, state: inout SymbolState) {
        state.ingest(bar.high, bar.low, bar.close)
    }

    public func evaluate(_ bar: Candle, symbol: String, state: inout SymbolState) -> StrategySignal? {
        state.ingest(bar.high, bar.low, bar.close)
        guard state.barCount >= parameters.warmUpBarCount else { return nil }
        // The reference computes every indicator on every bar; the decisions below read the cheap ones
        // first and compute the means only when they can change the outcome. The values are pure, so the
        // decisions are the reference's.
        return state.isInPosition
            ? evaluateLong(bar, symbol: symbol, state: &state) : evaluateFlat(bar, symbol: symbol, state: &state)
    }

    public func position(in state: SymbolState) -> StrategyPosition {
        guard state.isInPosition else { return .flat }
        return StrategyPosition(
            side: .long, entryPrice: state.entryPrice, entryTime: state.entryTime, stopPrice: state.stopPrice)
    }

    /// Long-only: a `long` position is taken over with its entry price (the peak close starts at the
    /// higher of the entry and the last close); `flat` or `short` leaves the strategy flat.
    public func reconcile(_ state: inout SymbolState, to position: StrategyPosition) {
        guard position.side == .long else {
            state.isInPosition = false
            state.peakClose = nil
            state.entryPrice = nil
            state.entryTime = nil
            state.stopPrice = nil
            return
        }
        let entry = position.entryPrice ?? state.lastClose
        state.isInPosition = true
        state.entryPrice = entry
        state.entryTime = position.entryTime
        state.stopPrice = position.stopPrice
        state.peakClose = [entry, state.lastClose].compactMap { $0 }.max()
    }

    /// Every indicator on the newest bar of `state`; nil while the symbol is still warming up.
    public func indicators(in state: SymbolState) -> DailyTrendIndicators? {
        guard state.barCount >= parameters.warmUpBarCount, let close = state.lastClose,
            let breakoutHigh = state.priorHigh, let breakoutLow = state.priorLow
        else { return nil }
        let smaFast = state.closes.mean(ofLast: parameters.fastMA)
        let smaSlow = state.closes.mean(ofLast: parameters.slowMA)
        let atr = averageTrueRange(state)
        return DailyTrendIndicators(
            smaFast: smaFast, smaSlow: smaSlow, trendStrength: smaSlow == 0 ? 0 : smaFast / smaSlow - 1,
            momentum: momentum(state, close: close), atr: atr, breakoutHigh: breakoutHigh, breakoutLow: breakoutLow,
            stopPrice: stopPrice(state, close: close, atr: atr))
    }

    private func evaluateFlat(_ bar: Candle, symbol: String, state: inout SymbolState) -> StrategySignal {
        let close = bar.close
        guard let breakoutHigh = state.priorHigh, close >= breakoutHigh else {
            return hold(bar, symbol: symbol, side: .flat, reason: "no breakout")
        }
        guard let values = indicators(in: state) else {
            return hold(bar, symbol: symbol, side: .flat, reason: "no breakout")
        }
        guard values.trendStrength >= parameters.minTrendStrength else {
            return hold(bar, symbol: symbol, side: .flat, reason: "breakout without trend")
        }
        guard values.momentum >= parameters.minMomentum else {
            return hold(bar, symbol: symbol, side: .flat, reason: "breakout without momentum")
        }
        state.isInPosition = true
        state.peakClose = close
        state.entryPrice = close
        state.entryTime = bar.openTime
        state.stopPrice = values.stopPrice
        let confidence =
            0.35 + 2 * max(0, values.trendStrength - parameters.minTrendStrength) + 1.5
            * max(0, values.momentum - parameters.minMomentum)
        return StrategySignal(
            symbol: symbol, openTime: bar.openTime, action: .enterLong, positionSide: .long, price: close,
            confidence: Self.clamp(confidence), stopPrice: values.stopPrice, atr: values.atr,
            reason: "close at or above the \(parameters.breakoutLookback)-bar high with trend and momentum",
            metadata: values.metadata(position: 1))
    }

    private func evaluateLong(_ bar: Candle, symbol: String, state: inout SymbolState) -> StrategySignal {
        let close = bar.close
        let atr = averageTrueRange(state)
        let stop = stopPrice(state, close: close, atr: atr)
        state.stopPrice = stop
        var leaves = close <= stop || state.priorLow.map { close <= $0 } ?? false
        if !leaves {
            let smaSlow = state.closes.mean(ofLast: parameters.slowMA)
            let trend = smaSlow == 0 ? 0 : state.closes.mean(ofLast: parameters.fastMA) / smaSlow - 1
            leaves = trend < 0
        }
        guard leaves, let values = indicators(in: state) else {
            return StrategySignal(
                symbol: symbol, openTime: bar.openTime, action: .hold, positionSide: .long, price: close,
                confidence: 0, stopPrice: stop, atr: atr, reason: "trend holds above the stop")
        }
        let reason =
            if values.trendStrength < 0 {
                "trend turned down (fast average below slow)"
            } else if close <= values.stopPrice {
                "close at or below the ATR stop"
            } else {
                "close at or below the \(parameters.breakoutLookback)-bar low"
            }
        state.isInPosition = false
        state.peakClose = nil
        state.entryPrice = nil
        state.entryTime = nil
        state.stopPrice = nil
        let confidence =
            0.35 + 3 * max(0, values.stopPrice - close) / max(close, 1e-8) + 2 * max(0, -values.trendStrength)
        return StrategySignal(
            symbol: symbol, openTime: bar.openTime, action: .exit, positionSide: .long, price: close,
            confidence: Self.clamp(confidence), stopPrice: values.stopPrice, atr: values.atr, reason: reason,
            metadata: values.metadata(position: 0))
    }

    private func hold(_ bar: Candle, symbol: String, side: StrategyPosition.Side, reason: String) -> StrategySignal {
        StrategySignal(
            symbol: symbol, openTime: bar.openTime, action: .hold, positionSide: side, price: bar.close,
            confidence: 0, reason: reason)
    }

    private func averageTrueRange(_ state: SymbolState) -> Double {
        state.trueRanges.mean(ofLast: parameters.atrWindow)
    }

    private func momentum(_ state: SymbolState, close: Double) -> Double {
        let base = state.closes[back: parameters.momentumWindow]
        return base == 0 ? 0 : close / base - 1
    }

    private func stopPrice(_ state: SymbolState, close: Double, atr: Double) -> Double {
        (state.peakClose ?? close) - atr * parameters.atrMultiplier
    }

    private static func clamp(_ confidence: Double) -> Double {
        min(1.0, max(0.1, confidence))
    }
}
