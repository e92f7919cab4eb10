import BotExchanges
import BotNet
import Foundation
import Synchronization
import Testing

/// A clock tests move by hand.
final class SimulatorTestClock: Sendable {
    private let value: Mutex<Int64>

    init(_ start: Int64 = SimulatorFixtures.now) { value = Mutex(start) }

    var now: Int64 { value.withLock { $0 } }

    func advance(by milliseconds: Int64) { value.withLock { $0 += milliseconds } }

    var function: @Sendable () -> Int64 { { self.now } }
}

/// Shared set-up for the simulator tests: a fixed "now", request helpers and decoders.
enum SimulatorFixtures {
    /// 2024-06-01T12:30:00Z: mid-way through an hour, so the last hourly candle is still open.
    static let now: Int64 = 1_717_245_000_000
    static let hour: Int64 = 3_600_000

    static func simulator(
        seed: UInt64 = 7, faults: SimulatorFaults = .none, rateLimits: SimulatorRateLimits = .unlimited,
        clock: SimulatorTestClock = SimulatorTestClock(), missingRate: Double = 0,
        sleep: @escaping @Sendable (Duration) async -> Void = { _ in }
    ) -> ExchangeSimulator {
        ExchangeSimulator(
            market: SyntheticMarket(seed: seed, missingRate: missingRate), faults: faults, rateLimits: rateLimits,
            now: clock.function, sleep: sleep)
    }

    /// Sends `GET target` (path and query) in process.
    static func get(_ simulator: ExchangeSimulator, _ target: String) async -> HTTPResponse {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        let request = HTTPServerRequest(method: .get, path: parts[0], query: parts.count > 1 ? parts[1] : "")
        return await simulator.respond(to: request)
    }

    static func post(_ simulator: ExchangeSimulator, _ path: String, _ body: String) async -> HTTPResponse {
        await simulator.respond(to: HTTPServerRequest(method: .post, path: path, body: Data(body.utf8)))
    }

    static func json(_ response: HTTPResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: response.body)
    }

    static func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    /// Binance rows as candles.
    static func binanceCandles(_ response: HTTPResponse) throws -> [Candle] {
        let rows = try #require(try json(response) as? [[Any]])
        return try rows.map { row in
            try #require(row.count == 12, "a Binance kline has 12 fields")
            return Candle(
                openTime: try #require(row[0] as? Int64 ?? (row[0] as? Int).map(Int64.init)),
                open: try number(row[1]), high: try number(row[2]), low: try number(row[3]),
                close: try number(row[4]), volume: try number(row[5]))
        }
    }

    /// A price or volume sent as a string.
    static func number(_ value: Any) throws -> Double {
        let text = try #require(value as? String, "expected a decimal string, got \(value)")
        return try #require(Double(text))
    }

    static func integer(_ value: Any?) throws -> Int64 {
        if let value = value as? Int64 { return value }
        if let value = value as? Int { return Int64(value) }
        if let value = value as? Double, let exact = Int64(exactly: value) { return exact }
        throw FixtureError(description: "expected an integer, got \(String(describing: value))")
    }

    struct FixtureError: Error, CustomStringConvertible { let description: String }
}
