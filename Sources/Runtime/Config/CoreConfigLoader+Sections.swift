import BotCodecs

extension CoreConfigLoader {
    static func readRiskProfiles(_ top: YAMLMapping?, _ reader: ConfigReader) -> [RiskProfileConfig] {
        let section = reader.section(top, "risk_profiles", at: "")
        let fields = [
            "max_daily_loss_pct", "max_position_pct", "target_volatility", "max_leverage", "stop_loss_atr_multiple",
            "max_open_positions", "hard_drawdown_pct",
        ]
        return reader.named(section, at: "risk_profiles").map { name, node, path in
            let map = reader.mapping(node, at: path, known: fields + ["data_quality"])
            if map == nil { reader.error(path, "a risk profile needs its limits (\(fields.joined(separator: ", ")))") }
            func number(_ key: String) -> Double { reader.double(map, key, at: path, required: map != nil) ?? 0 }
            return RiskProfileConfig(
                name: name, maxDailyLossPct: number("max_daily_loss_pct"), maxPositionPct: number("max_position_pct"),
                targetVolatility: number("target_volatility"), maxLeverage: number("max_leverage"),
                stopLossATRMultiple: number("stop_loss_atr_multiple"),
                maxOpenPositions: reader.int(map, "max_open_positions", at: path, required: map != nil) ?? 0,
                hardDrawdownPct: number("hard_drawdown_pct"),
                dataQuality: readDataQuality(map, at: path, reader))
        }
    }

    /// `data_quality`: missing or empty → nil; each field missing, null or blank → nil.
    static func readDataQuality(_ parent: YAMLMapping?, at path: String, _ reader: ConfigReader) -> DataQualityConfig? {
        let sectionPath = path.child("data_quality")
        guard let map = reader.section(parent, "data_quality", at: path, known: ["max_gap_minutes", "min_ok_ratio"]),
            !map.isEmpty
        else { return nil }
        return DataQualityConfig(
            maxGapMinutes: reader.optionalDouble(map, "max_gap_minutes", at: sectionPath),
            minOKRatio: reader.optionalDouble(map, "min_ok_ratio", at: sectionPath))
    }

    static func readControllers(_ runtime: YAMLMapping?, _ reader: ConfigReader) -> [ControllerConfig] {
        let section = reader.section(runtime, "controllers", at: "runtime")
        return reader.named(section, at: "runtime.controllers").map { name, node, path in
            let map = reader.mapping(node, at: path, known: ["tick_seconds", "tick", "interval"])
            let tick = map?["tick_seconds"] != nil ? "tick_seconds" : "tick"
            return ControllerConfig(
                name: name, tickSeconds: reader.double(map, tick, at: path) ?? 60,
                interval: reader.string(map, "interval", at: path) ?? "1d")
        }
    }

    static let strategyParameters = [
        "fast_ma", "slow_ma", "breakout_lookback", "momentum_window", "atr_window", "atr_multiplier",
        "min_trend_strength", "min_momentum",
    ]

    static func readStrategies(_ top: YAMLMapping?, _ reader: ConfigReader) -> [StrategyConfig] {
        let section = reader.section(top, "strategies", at: "")
        return reader.named(section, at: "strategies").compactMap { name, node, path in
            let map = reader.mapping(node, at: path, known: ["engine", "parameters"])
            let engine = reader.string(map, "engine", at: path)
            guard engine == StrategyConfig.supportedEngine else {
                let what = engine.map { "engine '\($0)' is not supported" } ?? "no engine is given"
                reader.warning(
                    engine == nil ? path : path.child("engine"),
                    "\(what); only '\(StrategyConfig.supportedEngine)' is implemented, so this strategy is skipped"
                        + (engine.map { ConfigReader.suggestion(for: $0, among: [StrategyConfig.supportedEngine]) }
                            ?? ""))
                return nil
            }
            let parametersPath = path.child("parameters")
            let parameters = reader.section(map, "parameters", at: path, known: strategyParameters)
            let defaults = DailyTrendParameters.defaults
            func int(_ key: String, _ fallback: Int) -> Int {
                reader.int(parameters, key, at: parametersPath) ?? fallback
            }
            func double(_ key: String, _ fallback: Double) -> Double {
                reader.double(parameters, key, at: parametersPath) ?? fallback
            }
            return StrategyConfig(
                name: name,
                parameters: DailyTrendParameters(
                    fastMA: int("fast_ma", defaults.fastMA), slowMA: int("slow_ma", defaults.slowMA),
                    breakoutLookback: int("breakout_lookback", defaults.breakoutLookback),
                    momentumWindow: int("momentum_window", defaults.momentumWindow),
                    atrWindow: int("atr_window", defaults.atrWindow),
                    atrMultiplier: double("atr_multiplier", defaults.atrMultiplier),
                    minTrendStrength: double("min_trend_strength", defaults.minTrendStrength),
                    minMomentum: double("min_momentum", defaults.minMomentum)))
        }
    }

    static func readUniverses(_ top: YAMLMapping?, _ reader: ConfigReader) -> [InstrumentUniverseConfig] {
        let section = reader.section(top, "instrument_universes", at: "")
        return reader.named(section, at: "instrument_universes").map { name, node, path in
            let map = reader.mapping(node, at: path, known: ["description", "instruments"])
            let instrumentsPath = path.child("instruments")
            let instruments = reader.named(reader.section(map, "instruments", at: path), at: instrumentsPath).map {
                readInstrument($0.name, $0.node, at: $0.path, reader)
            }
            return InstrumentUniverseConfig(
                name: name, description: reader.string(map, "description", at: path) ?? "", instruments: instruments)
        }
    }

    static func readInstrument(_ name: String, _ node: YAMLNode, at path: String, _ reader: ConfigReader)
        -> InstrumentConfig
    {
        let map = reader.mapping(
            node, at: path, known: ["base_asset", "quote_asset", "categories", "exchanges", "backfill"])
        let exchanges = reader.textPairs(map, "exchanges", at: path)
        var windows: [BackfillWindowConfig] = []
        let backfillPath = path.child("backfill")
        if let backfill = map?["backfill"], !backfill.isNull {
            if let items = backfill.array {
                for (index, item) in items.enumerated() {
                    let windowPath = backfillPath.element(index)
                    reader.recordElement(item, at: windowPath)
                    guard let window = reader.mapping(item, at: windowPath, known: ["interval", "lookback_days"]) else {
                        reader.error(
                            windowPath, "a backfill window needs 'interval' and 'lookback_days'", at: item.mark)
                        continue
                    }
                    let interval = reader.string(window, "interval", at: windowPath, required: true)
                    let days = reader.int(window, "lookback_days", at: windowPath, required: true)
                    if let interval, let days {
                        windows.append(BackfillWindowConfig(interval: interval, lookbackDays: days))
                    }
                }
            } else {
                reader.error(
                    backfillPath, "expected a list of backfill windows, found \(ConfigReader.kind(of: backfill.value))")
            }
        }
        return InstrumentConfig(
            name: name, baseAsset: reader.string(map, "base_asset", at: path) ?? "",
            quoteAsset: reader.string(map, "quote_asset", at: path) ?? "",
            categories: reader.strings(map, "categories", at: path),
            exchangeSymbols: Dictionary(exchanges, uniquingKeysWith: { first, _ in first }),
            exchangeOrder: exchanges.map(\.0), backfillWindows: windows)
    }
}

extension ConfigReader {
    /// Records where a list element starts, for messages about elements.
    func recordElement(_ node: YAMLNode, at path: String) {
        recordValue(node.mark, at: path)
    }
}
