import BotExchanges
import BotNet
import Foundation
import Synchronization
import TestSupport
import Testing

/// A transport that answers with a handler (or a script of responses) and records every request.
final class RecordingTransport: HTTPTransport {
    private let responses: Mutex<[HTTPResponse]>
    private let recorded = Mutex<[HTTPRequest]>([])

    init(_ responses: [HTTPResponse]) { self.responses = Mutex(responses) }

    convenience init(status: Int = 200, body: String, headers: HTTPHeaders = HTTPHeaders()) {
        self.init([HTTPResponse(status: status, headers: headers, body: Data(body.utf8))])
    }

    var requests: [HTTPRequest] { recorded.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        recorded.withLock { $0.append(request) }
        // Past the script, answer 599: a test that sends more than it scripted fails on the count.
        return responses.withLock { $0.isEmpty ? HTTPResponse(status: 599) : $0.removeFirst() }
    }
}

/// Virtual wall-clock time for limiters and HTTP retries: sleeping advances it at once and is recorded.
final class ManualClock: Sendable {
    private let state: Mutex<(now: Int64, sleeps: [Duration])>

    init(now: Int64 = 1_700_000_000_000) { state = Mutex((now, [])) }

    var now: Int64 { state.withLock { $0.now } }
    var sleeps: [Duration] { state.withLock { $0.sleeps } }
    func advance(milliseconds: Int64) { state.withLock { $0.now += milliseconds } }

    private func sleep(_ duration: Duration) {
        state.withLock {
            $0.sleeps.append(duration)
            let parts = duration.components
            $0.now += parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
        }
    }

    var limiterClock: RateLimitClock {
        RateLimitClock(now: { self.now }, sleep: { self.sleep($0) })
    }

    var retryTiming: RetryTiming {
        RetryTiming(
            now: { .milliseconds(self.now) }, sleep: { self.sleep($0) }, random: { 0.5 },
            currentDate: { Date(timeIntervalSince1970: Double(self.now) / 1000) })
    }
}

enum ExchangeFixture {
    static func text(_ venue: Venue, _ name: String) throws -> String {
        let url = PackageLayout.fixtures.appendingPathComponent("exchanges/\(venue.rawValue)/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// A source of `venue` over `transport` with instant, recorded waits.
func makeSource(
    _ venue: Venue, transport: RecordingTransport, clock: ManualClock = ManualClock(),
    baseURL: String? = "https://venue.test"
) throws -> any CandleSource {
    try CandleSources.make(
        venue: venue, environment: .live, baseURL: baseURL,
        client: CandleSources.client(transport: transport, timing: clock.retryTiming), clock: clock.limiterClock)
}

/// The query of `url` as name/value pairs in order.
func queryItems(_ url: URL) -> [String: String] {
    let items = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
    return Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
}

/// Runs `body` and returns the ``MarketDataError`` it threw; records an issue when it threw nothing.
func marketDataError(_ body: () async throws -> Void) async -> MarketDataError? {
    do {
        try await body()
        Issue.record("expected a MarketDataError")
        return nil
    } catch let error as MarketDataError {
        return error
    } catch {
        Issue.record("expected a MarketDataError, got \(error)")
        return nil
    }
}
