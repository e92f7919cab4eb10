import BotData
import BotExchanges
import BotNet
import Foundation

extension BackfillCommand {
    /// What a run works with: the environment, its venue, store and backfill service.
    struct Setup: Sendable {
        let config: CoreConfig
        let environment: EnvironmentConfig
        let universe: InstrumentUniverseConfig?
        let venue: Venue
        let exchangeEnvironment: ExchangeEnvironment
        let store: OHLCVStore
        let source: any CandleSource
        let service: BackfillService

        init(command: BackfillCommand, context: ToolContext) async throws {
            let path = command.configPath
            let result = try CoreConfigLoader.load(path: context.resolve(path), displayName: path)
            config = try result.config ?? result.validConfig()
            guard let environment = config.environment(named: command.environmentName) else {
                let known = config.environments.map(\.name).joined(separator: ", ")
                throw UsageError(
                    "--environment: no environment '\(command.environmentName)' in \(path) (known: \(known))")
            }
            self.environment = environment
            if let name = environment.instrumentUniverse {
                guard let universe = config.instrumentUniverse(named: name) else {
                    throw ToolExit(
                        code: 1,
                        message: "\(path): environment '\(environment.name)' names instrument universe '\(name)', "
                            + "which is not defined; fix instrument_universe or add the universe")
                }
                self.universe = universe
            } else {
                universe = nil
            }
            guard let venue = Venue(rawValue: environment.exchange) else {
                throw ToolExit(
                    code: 1,
                    message:
                        "\(path): environment '\(environment.name)' uses exchange '\(environment.exchange)', which "
                        + "backfill cannot read; supported: \(Venue.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.venue = venue
            exchangeEnvironment = ExchangeEnvironment(rawValue: environment.kind.rawValue) ?? .live
            let root = URL(fileURLWithPath: context.resolve(environment.dataCachePath), isDirectory: true)
            let now = context.now
            do {
                store = try await OHLCVStore.open(root: root, clock: now)
            } catch {
                throw ToolExit(code: 1, message: "cannot open the candle cache: \(error)")
            }
            let client = CandleSources.client(transport: URLSessionTransport())
            do {
                source = try CandleSources.make(
                    venue: venue, environment: exchangeEnvironment, baseURL: environment.adapterSettings.apiBaseURL,
                    client: client)
            } catch {
                throw ToolExit(code: 1, message: "\(path): environments.\(environment.name): \(error)")
            }
            service = BackfillService(store: store, sources: [source], now: now)
        }
    }

    /// Seed 004's default history per interval, in days, for intervals without a configured window.
    static let defaultDays: [String: Int] = ["1m": 7, "5m": 14, "15m": 30, "1h": 90, "4h": 180, "1d": 365, "1w": 730]

    /// The series to fill and their windows, in the universe's order (symbol, then interval).
    func plan(setup: Setup, now: Int64) async throws -> [BackfillRequest] {
        let exchange = setup.venue.rawValue
        var windows: [(symbol: String, interval: Interval, days: Int)] = []
        for instrument in setup.universe?.instruments(on: exchange) ?? [] {
            guard let symbol = instrument.exchangeSymbols[exchange] else { continue }
            for window in instrument.backfillWindows {
                guard let interval = window.interval else { continue }
                windows.append((symbol, interval, window.lookbackDays))
            }
        }
        if !symbols.isEmpty {
            let wanted = Set(symbols.map { $0.uppercased() })
            windows = windows.filter { wanted.contains($0.symbol.uppercased()) }
            // A symbol outside the universe is filled with the intervals asked for (or the universe's).
            let known = Set(windows.map { $0.symbol.uppercased() })
            for symbol in symbols where !known.contains(symbol.uppercased()) {
                for interval in intervals.isEmpty ? [.oneHour] : intervals {
                    windows.append((symbol, interval, Self.defaultDays[interval.description] ?? 30))
                }
            }
        }
        if !intervals.isEmpty {
            let symbolsSeen = windows.reduce(into: [String]()) { if !$0.contains($1.symbol) { $0.append($1.symbol) } }
            let configured = windows
            windows = []
            for symbol in symbolsSeen {
                for interval in intervals {
                    let days =
                        configured.first { $0.symbol == symbol && $0.interval == interval }?.days
                        ?? Self.defaultDays[interval.description] ?? 30
                    windows.append((symbol, interval, days))
                }
            }
        }
        var requests: [BackfillRequest] = []
        var seen: Set<SeriesKey> = []
        for window in windows {
            let series: SeriesKey
            do {
                series = try SeriesKey(exchange: exchange, symbol: window.symbol, interval: window.interval)
            } catch {
                throw UsageError("--symbol: \(error)")
            }
            guard seen.insert(series).inserted else { continue }
            var start = since ?? (now - Int64(days ?? window.days) * 86_400_000)
            if latestOnly, let info = try await setup.store.info(of: series), let last = info.lastOpenTime {
                start = max(start, window.interval.next(after: last))
            }
            requests.append(BackfillRequest(series: series, start: start))
        }
        return requests
    }
}
