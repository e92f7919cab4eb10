import BotExchanges
import Testing

@Suite("Venue intervals")
struct VenueIntervalTests {
    static func interval(_ text: String) throws -> Interval { try Interval(parsing: text) }

    @Test("each venue's native spelling", arguments: [
        (Venue.binanceSpot, "1M", "1M"), (.binanceSpot, "3d", "3d"), (.binanceFutures, "8h", "8h"),
        (.krakenSpot, "1m", "1"), (.krakenSpot, "4h", "240"), (.krakenSpot, "1d", "1440"), (.krakenSpot, "1w", "10080"),
        (.krakenSpot, "15d", "21600"), (.krakenFutures, "12h", "12h"), (.krakenFutures, "1w", "1w"),
        (.zondaSpot, "1m", "60"), (.zondaSpot, "3d", "259200"), (.zondaSpot, "1w", "604800"),
        (.zondaSpot, "6h", "21600"),
    ])
    func native(venue: Venue, interval: String, code: String) throws {
        #expect(try venue.nativeInterval(for: Self.interval(interval)) == code)
    }

    @Test("the supported lists, shortest first")
    func lists() {
        #expect(Venue.binanceSpot.supportedCandleIntervals.map(\.description) == Interval.standard.map(\.description))
        #expect(
            Venue.krakenSpot.supportedCandleIntervals.map(\.description) == ["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "15d"])
        #expect(
            Venue.krakenFutures.supportedCandleIntervals.map(\.description) == ["1m", "5m", "15m", "30m", "1h", "4h", "12h", "1d", "1w"])
        #expect(
            Venue.zondaSpot.supportedCandleIntervals.map(\.description)
                == ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d", "3d", "1w"])
    }

    @Test("an unsupported interval names the venue and what it serves", arguments: [
        (Venue.krakenSpot, "3m"), (.krakenFutures, "2h"), (.zondaSpot, "1M"), (.binanceSpot, "2d"),
    ])
    func unsupported(venue: Venue, text: String) throws {
        let interval = try Self.interval(text)
        let expected = MarketDataError.unsupportedInterval(
            venue: venue, interval: interval, supported: venue.supportedCandleIntervals)
        #expect(throws: expected) { try venue.nativeInterval(for: interval) }
        let message = expected.description
        #expect(message.contains(venue.rawValue) && message.contains(text))
        #expect(message.contains(venue.supportedCandleIntervals.map(\.description).joined(separator: " ")))
    }

    @Test("an adapter refuses an unsupported interval before sending anything")
    func adapterRefuses() async throws {
        let transport = RecordingTransport([])
        let source = try makeSource(.krakenFutures, transport: transport)
        let error = await marketDataError {
            _ = try await source.candles(symbol: "PI_XBTUSD", interval: .oneMonth, from: 0, to: nil, limit: nil)
        }
        guard case .unsupportedInterval(.krakenFutures, .oneMonth, _) = error else {
            Issue.record("expected unsupportedInterval, got \(String(describing: error))")
            return
        }
        #expect(transport.requests.isEmpty)
        #expect(source.supportedIntervals == Venue.krakenFutures.supportedCandleIntervals)
    }

    @Test("bad windows and limits are refused before sending", arguments: [
        (Int64(2000), Int64?(1000), Int?(nil)), (0, nil, 0), (-5, nil, nil),
    ])
    func badRequests(start: Int64, end: Int64?, limit: Int?) async throws {
        let transport = RecordingTransport([])
        let source = try makeSource(.binanceSpot, transport: transport)
        let error = await marketDataError {
            _ = try await source.candles(symbol: "BTCUSDT", interval: .oneMinute, from: start, to: end, limit: limit)
        }
        guard case .invalidRequest(.binanceSpot, _) = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(transport.requests.isEmpty)
    }
}
