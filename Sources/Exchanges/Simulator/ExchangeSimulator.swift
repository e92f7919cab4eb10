import BotNet
import Foundation

/// A fake of the five venues' public candle endpoints on loopback, for tests and offline demos.
///
/// It serves ``SyntheticMarket``'s deterministic series with each venue's paths, parameters, response
/// shapes, page limits, errors and rate limits, counts every request, and injects faults on demand.
///
/// ```swift
/// let simulator = ExchangeSimulator(market: SyntheticMarket(seed: 7), now: { clock.now })
/// let base = try await simulator.start()          // http://127.0.0.1:<free port>
/// // … point an adapter's base URL at `base` and run it …
/// #expect(await simulator.statistics().requests(.binanceSpot, endpoint: "/api/v3/klines") == 18)
/// await simulator.stop()
/// ```
///
/// Control endpoints (not counted): `GET /__simulator/stats`, `GET|POST /__simulator/faults` (a JSON
/// object of the keys to change, see ``SimulatorFaults``), `POST /__simulator/reset` (counters, rate-limit
/// windows and the fault sequence back to the start).
public actor ExchangeSimulator {
    /// The budgets enforced.
    public nonisolated let rateLimits: SimulatorRateLimits
    private let baseMarket: SyntheticMarket
    let clock: @Sendable () -> Int64
    private let sleep: @Sendable (Duration) async -> Void
    /// The faults injected now.
    public internal(set) var faults: SimulatorFaults
    private var counters = SimulatorStatistics()
    // Rate-limit and fault state, kept by ExchangeSimulator+Admission.swift.
    var requestNumber: UInt64 = 0
    var binanceWindows: [Venue: (minute: Int64, used: Int)] = [:]
    var binanceRefusals: [Venue: (minute: Int64, count: Int)] = [:]
    var binanceBans: [Venue: Int64] = [:]
    var krakenCounter = (value: 0.0, updated: Int64.min)
    var zondaWindow = (minute: Int64.min, used: 0)
    private var server: HTTPServer?

    /// A simulator over `market`.
    ///
    /// - Parameters:
    ///   - faults: The faults to start with; a market's own `missingRate` is adopted when `faults` has none.
    ///   - now: The simulator's clock in epoch ms: which candles have opened, and the rate-limit windows.
    ///   - sleep: How latency is waited for (tests record it instead of waiting).
    public init(
        market: SyntheticMarket = SyntheticMarket(), faults: SimulatorFaults = .none,
        rateLimits: SimulatorRateLimits = .standard, now: @escaping @Sendable () -> Int64,
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }
    ) {
        var faults = faults
        if faults.missingRate == 0 { faults.missingRate = market.missingRate }
        self.baseMarket = market
        self.faults = faults
        self.rateLimits = rateLimits
        self.clock = now
        self.sleep = sleep
    }

    /// The series served now: the configured market with the current faults' holes.
    public var market: SyntheticMarket {
        var market = baseMarket
        market.missingRate = faults.missingRate
        return market
    }

    /// Replaces the faults; the 429 burst counter starts from the new value.
    public func setFaults(_ faults: SimulatorFaults) { self.faults = faults }

    /// The requests served since the start or the last reset.
    public func statistics() -> SimulatorStatistics { counters }

    /// Clears the counters and rate-limit windows and restarts the fault sequence.
    public func reset() {
        counters = SimulatorStatistics()
        requestNumber = 0
        binanceWindows = [:]
        binanceRefusals = [:]
        binanceBans = [:]
        krakenCounter = (0, Int64.min)
        zondaWindow = (Int64.min, 0)
    }

    // MARK: - Serving

    /// Starts serving on `host:port` (port 0 picks a free one) and returns the base URL; a running
    /// simulator returns its URL again.
    public func start(host: String = "127.0.0.1", port: UInt16 = 0) throws(SocketError) -> URL {
        if let server { return Self.url(server) }
        let router = HTTPRouter(fallback: { [self] request in await self.respond(to: request) })
        let configuration = HTTPServerConfiguration(host: host, port: port, shutdownGracePeriod: .seconds(2))
        let server = try HTTPServer.start(router: router, configuration: configuration)
        self.server = server
        return Self.url(server)
    }

    /// The base URL while serving.
    public var url: URL? { server.map(Self.url) }

    private static func url(_ server: HTTPServer) -> URL {
        // An IPv4 literal and a port always make a valid URL.
        URL(string: "http://\(server.host):\(server.port)")!
    }

    /// Stops serving; requests in flight finish first.
    public func stop() async {
        guard let server else { return }
        self.server = nil
        await server.stop()
    }

    /// Answers one request as the server would, without a socket (for in-process tests).
    public nonisolated func respond(to request: HTTPServerRequest) async -> HTTPResponse {
        if request.path.hasPrefix("/__simulator/") { return await control(request).response }
        guard let route = SimulatorRoute(path: request.path) else {
            return SimulatorReply.json(
                404, "{\"error\":\"the simulator has no endpoint \(SimulatorJSONWriter.escaped(request.path))\"}"
            )
            .response
        }
        guard request.method == .get || request.method == .head else {
            var reply = SimulatorReply.json(405, "{\"error\":\"only GET is served here\"}")
            reply.headers["Allow"] = "GET, HEAD"
            return reply.response
        }
        let weight: Int =
            switch route {
            case .binanceKlines(let venue): SimulatedBinanceKlines.weight(venue, limit: request.queryValue("limit"))
            default: 1
            }
        let ticket = await admit(route, weight: weight)
        if ticket.page.faults.latencyMilliseconds > 0 {
            await sleep(.milliseconds(ticket.page.faults.latencyMilliseconds))
        }
        var reply = ticket.rejection ?? Self.serve(route, request, ticket.page)
        if let used = ticket.usedWeight { reply.headers["X-MBX-USED-WEIGHT-1M"] = String(used) }
        if reply.status == 200, ticket.truncateAt > 0, reply.body.count > 1 {
            // A syntactically broken body: a proper prefix of an object or array never closes it.
            reply.body.removeSubrange(min(reply.body.count - 1, ticket.truncateAt)...)
        }
        await record(route, status: reply.status, candles: reply.candles)
        return reply.response
    }

    private static func serve(_ route: SimulatorRoute, _ request: HTTPServerRequest, _ page: SimulatorPage)
        -> SimulatorReply
    {
        switch route {
        case .binanceKlines(let venue): SimulatedBinanceKlines.klines(request, venue: venue, page: page)
        case .binanceTime: SimulatedBinanceKlines.serverTime(page)
        case .binancePing: .json(200, "{}")
        case .krakenSpotOHLC: SimulatedKrakenOHLC.ohlc(request, page: page)
        case .krakenSpotTime: SimulatedKrakenOHLC.serverTime(page)
        case .krakenFuturesCandles(let tickType, let symbol, let resolution):
            SimulatedKrakenFuturesCharts.candles(
                request, tickType: tickType, symbol: symbol, resolution: resolution, page: page)
        case .zondaCandles(let pair, let resolution):
            SimulatedZondaCandles.candles(request, pair: pair, resolution: resolution, page: page)
        }
    }

    private func record(_ route: SimulatorRoute, status: Int, candles: Int) {
        counters.record(route.venue, endpoint: route.endpoint, status: status, candles: candles)
    }
}
