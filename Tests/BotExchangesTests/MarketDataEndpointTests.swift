import BotExchanges
import BotNet
import Foundation
import Testing

@Suite("Market data endpoints and factory")
struct MarketDataEndpointTests {
    @Test(
        "built-in base URLs per venue and environment",
        arguments: [
            (Venue.binanceSpot, ExchangeEnvironment.live, "https://api.binance.com"),
            (.binanceSpot, .paper, "https://api.binance.com"),
            (.binanceSpot, .testnet, "https://testnet.binance.vision"),
            (.binanceFutures, .live, "https://fapi.binance.com"),
            (.binanceFutures, .paper, "https://fapi.binance.com"),
            (.binanceFutures, .testnet, "https://testnet.binancefuture.com"),
            (.krakenSpot, .live, "https://api.kraken.com"), (.krakenSpot, .testnet, "https://api.kraken.com"),
            (.krakenFutures, .live, "https://futures.kraken.com"),
            (.krakenFutures, .paper, "https://futures.kraken.com"),
            (.krakenFutures, .testnet, "https://demo-futures.kraken.com"),
            (.zondaSpot, .live, "https://api.zondacrypto.exchange"),
            (.zondaSpot, .testnet, "https://api.zondacrypto.exchange"),
        ])
    func defaults(venue: Venue, environment: ExchangeEnvironment, expected: String) throws {
        #expect(MarketDataEndpoint.defaultBaseURL(for: venue, environment: environment).absoluteString == expected)
        #expect(
            try MarketDataEndpoint.baseURL(for: venue, environment: environment, override: nil).absoluteString
                == expected)
        #expect(
            try MarketDataEndpoint.baseURL(for: venue, environment: environment, override: "  ").absoluteString
                == expected)
    }

    @Test("the override wins, path prefix kept; the factory's adapter requests through it")
    func overrideWins() async throws {
        #expect(
            try MarketDataEndpoint.baseURL(for: .binanceSpot, environment: .live, override: " http://127.0.0.1:8080 ")
                .absoluteString == "http://127.0.0.1:8080")
        let transport = RecordingTransport(body: "[]")
        let source = try makeSource(.binanceSpot, transport: transport, baseURL: "http://127.0.0.1:8080/proxy/")
        _ = try await source.candles(symbol: "BTCUSDT", interval: .oneDay, from: 0, to: nil, limit: 1)
        let url = try #require(transport.requests.first?.url)
        #expect(url.scheme == "http" && url.host == "127.0.0.1" && url.port == 8080)
        #expect(url.path == "/proxy/api/v3/klines")
    }

    @Test(
        "unusable overrides are refused naming the setting",
        arguments: [
            "127.0.0.1:8080", "ftp://host", "http://host/path?x=1", "http://", "not a url",
        ])
    func badOverride(text: String) {
        do {
            _ = try MarketDataEndpoint.baseURL(for: .zondaSpot, environment: .live, override: text)
            Issue.record("accepted \(text)")
        } catch {
            guard case .invalidRequest(.zondaSpot, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(reason.contains("api_base_url"))
        }
    }

    @Test("the factory returns each venue's adapter with its page size and history limit", arguments: Venue.allCases)
    func factory(venue: Venue) throws {
        let source = try CandleSources.make(
            venue: venue, environment: .paper, client: CandleSources.client(transport: RecordingTransport([])))
        #expect(source.venue == venue)
        let expected: (Int, Int?) =
            switch venue {
            case .binanceSpot: (1000, nil)
            case .binanceFutures: (1500, nil)
            case .krakenSpot: (720, 720)
            case .krakenFutures: (2000, nil)
            case .zondaSpot: (100, nil)
            }
        #expect(source.pageLimit == expected.0 && source.historyLimit == expected.1)
        #expect(source.supportedIntervals == venue.supportedCandleIntervals)
    }

    @Test("the retry policy retries 408, 429 and 5xx and transport failures, never 418")
    func retryPolicy() {
        let policy = CandleSources.retryPolicy
        #expect(policy.retryableStatuses == [408, 429, 500, 502, 503, 504])
        #expect(policy.retriesTransportFailures && policy.maxAttempts > 1)
        #expect(!policy.retryableStatuses.contains(418))
    }
}
