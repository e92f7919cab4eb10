import Foundation

/// Where a venue's public market data lives for an environment, with the operator's override
/// (`adapter_settings.api_base_url`, DESIGN.md §4.9) taking precedence.
///
/// A base URL is scheme, host, optional port and optional path prefix; adapters append the venue's own
/// paths (`/api/v3/klines`, `/0/public/OHLC`, `/api/charts/v1/…`, `/rest/trading/candle/history/…`), so a
/// simulator or proxy at `http://127.0.0.1:PORT` serves the same paths as the venue.
public enum MarketDataEndpoint {
    /// The built-in base URL of `venue`'s public market data in `environment`.
    ///
    /// `paper` reads production data everywhere (paper trading runs on real prices). `testnet` reads the
    /// venue's test network where one exists (Binance spot and USD-M, Kraken futures' demo); Kraken spot
    /// and Zonda have none, so their public data comes from production.
    public static func defaultBaseURL(for venue: Venue, environment: ExchangeEnvironment) -> URL {
        let text: String =
            switch (venue, environment) {
            case (.binanceSpot, .testnet): "https://testnet.binance.vision"
            case (.binanceSpot, _): "https://api.binance.com"
            case (.binanceFutures, .testnet): "https://testnet.binancefuture.com"
            case (.binanceFutures, _): "https://fapi.binance.com"
            case (.krakenSpot, _): "https://api.kraken.com"
            case (.krakenFutures, .testnet): "https://demo-futures.kraken.com"
            case (.krakenFutures, _): "https://futures.kraken.com"
            case (.zondaSpot, _): "https://api.zondacrypto.exchange"
            }
        // Constant, well-formed literals.
        return URL(string: text)!
    }

    /// The base URL to use: `override` when given (trimmed; empty counts as absent), else the default.
    ///
    /// - Throws: ``MarketDataError/invalidRequest(venue:reason:)`` when the override is not an absolute
    ///   http(s) URL without query or fragment.
    public static func baseURL(for venue: Venue, environment: ExchangeEnvironment, override: String?)
        throws(MarketDataError) -> URL
    {
        let trimmed = override?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !trimmed.isEmpty else { return defaultBaseURL(for: venue, environment: environment) }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
            components.query == nil, components.fragment == nil, let url = components.url
        else {
            throw .invalidRequest(
                venue: venue,
                reason: "adapter_settings.api_base_url '\(trimmed)' is not an absolute http(s) URL without query "
                    + "(write e.g. http://127.0.0.1:8080 or https://api.binance.com)")
        }
        return url
    }
}
