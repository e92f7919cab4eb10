import BotCodecs
import BotExchanges
import Foundation

/// `exchange-simulator`: serves the five venues' public candle endpoints on loopback from deterministic
/// synthetic series, with their page limits, errors and rate limits, and injects faults on request
/// (`docs/exchange-simulator.md`).
///
/// Prints one line once listening — the base URL, or with `--json` `{"url": …, "port": …}` — then serves
/// until SIGINT or SIGTERM and exits 0. Listens on 127.0.0.1 unless `--allow-external` lets `--host` name
/// another address.
public struct ExchangeSimulatorCommand: ToolCommand {
    public static let name = "exchange-simulator"
    public static let summary =
        "Serves fake Binance, Kraken and Zonda candle endpoints on loopback for tests and offline demos; "
        + "prints the URL, then runs until SIGINT/SIGTERM (exit 0)."
    public static let options: [OptionSpec] = [
        .option("host", value: "address", help: "IPv4 address to listen on.", default: "127.0.0.1"),
        .option(
            "port", value: "n", kind: .custom("0-65535", check: { UInt16($0) == nil ? "'\($0)' is not a port" : nil }),
            help: "Port to listen on; 0 picks a free one.", default: "0"),
        .option(
            "seed", value: "n",
            kind: .custom("non-negative integer", check: { UInt64($0) == nil ? "'\($0)' is not a seed" : nil }),
            help: "Seeds every series and fault; the same seed serves the same bytes.", default: "1"),
        .option(
            "now", value: "time",
            kind: .custom("epoch ms or UTC date", check: { Self.time($0) == nil ? "'\($0)' is not a time" : nil }),
            help: "The simulated time at start (it then advances with the wall clock); default: the wall clock."),
        .option(
            "listing-start", value: "date", kind: .date, help: "When every series begins.", default: "2017-01-01"),
        .repeated(
            "symbol", value: "venue:symbol",
            kind: .custom("venue:symbol", check: symbolProblem),
            help: "List one more symbol on a venue (e.g. binance_spot:DOGEUSDT)."),
        .option(
            "latency-ms", value: "n", kind: .integer, help: "Delay every venue response by n milliseconds.",
            default: "0"),
        .option(
            "error-rate", value: "rate", kind: rateKind, help: "Share of requests answered with a 5xx.", default: "0"),
        .option(
            "truncate-rate", value: "rate", kind: rateKind, help: "Share of successful bodies cut short.", default: "0"),
        .option("burst-429", value: "n", kind: .integer, help: "Answer the first n requests 429.", default: "0"),
        .option("retry-after", value: "seconds", kind: .integer, help: "Retry-After of the 429 burst.", default: "1"),
        .flag("ban-418", help: "Answer every Binance request 418 (IP banned) with Retry-After."),
        .option("ban-seconds", value: "seconds", kind: .integer, help: "Retry-After of the 418 ban.", default: "120"),
        .option(
            "duplicate-rate", value: "rate", kind: rateKind, help: "Share of candle rows sent twice in a page.",
            default: "0"),
        .flag("shuffle", help: "Send each page's rows out of order."),
        .option(
            "missing-rate", value: "rate", kind: rateKind, help: "Share of candles missing from every series.",
            default: "0"),
        .flag("no-rate-limits", help: "Do not enforce the venues' rate limits."),
        .flag("allow-external", help: "Allow a --host other than a loopback address."),
        .flag("json", help: "Print {\"url\": …, \"port\": …} instead of the bare URL."),
    ]

    private static let rateKind = ValueKind.custom("number from 0 to 1") { text in
        guard let value = Double(text), (0...1).contains(value) else { return "'\(text)' is not a number from 0 to 1" }
        return nil
    }

    let host: String
    let port: UInt16
    let start: Int64?
    let market: SyntheticMarket
    let faults: SimulatorFaults
    let rateLimits: SimulatorRateLimits
    let json: Bool

    public init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        host = try parsed.requiredString("host")
        guard parsed.flag("allow-external") || Self.isLoopback(host) else {
            throw UsageError(
                "refusing to listen on '\(host)': the simulator answers anyone without authentication and is meant "
                    + "for this machine only; use a 127.x.x.x address, or pass --allow-external if you really want "
                    + "other hosts to reach it")
        }
        port = UInt16(try parsed.requiredString("port")) ?? 0
        start = parsed.string("now").flatMap(Self.time)
        var extra: [Venue: [SyntheticSymbol]] = [:]
        for text in parsed.strings("symbol") {
            if let (venue, symbol) = Self.extraSymbol(text) {
                extra[venue, default: []].append(SyntheticSymbol(symbol))
            }
        }
        market = SyntheticMarket(
            seed: UInt64(try parsed.requiredString("seed")) ?? 1,
            listingStart: try parsed.date("listing-start") ?? SyntheticMarket.defaultListingStart,
            additionalSymbols: extra)
        func count(_ name: String) throws(UsageError) -> Int {
            let value = try parsed.integer(name) ?? 0
            guard value >= 0 else { throw UsageError("option '--\(name)' must not be negative") }
            return value
        }
        faults = SimulatorFaults(
            latencyMilliseconds: try count("latency-ms"), errorRate: try parsed.double("error-rate") ?? 0,
            truncateRate: try parsed.double("truncate-rate") ?? 0, burst429: try count("burst-429"),
            retryAfterSeconds: try count("retry-after"), ban418: parsed.flag("ban-418"),
            banSeconds: try count("ban-seconds"), duplicateRate: try parsed.double("duplicate-rate") ?? 0,
            shuffle: parsed.flag("shuffle"), missingRate: try parsed.double("missing-rate") ?? 0)
        rateLimits = parsed.flag("no-rate-limits") ? .unlimited : .standard
        json = parsed.flag("json")
    }

    public func run(in context: ToolContext) async throws {
        let wallClock = context.now
        let now: @Sendable () -> Int64
        if let start {
            let origin = wallClock()
            now = { start + (wallClock() - origin) }
        } else {
            now = wallClock
        }
        let simulator = ExchangeSimulator(market: market, faults: faults, rateLimits: rateLimits, now: now)
        let url: URL
        do {
            url = try await simulator.start(host: host, port: port)
        } catch {
            throw ToolExit(code: 1, message: "cannot listen on \(host):\(port): \(error)")
        }
        let bound = url.port ?? Int(port)
        context.write(json ? "{\"url\": \"\(url.absoluteString)\", \"port\": \(bound)}\n" : "\(url.absoluteString)\n")
        context.logger.info(
            "serving \(Venue.allCases.map(\.rawValue).joined(separator: ", ")) at \(url.absoluteString) "
                + "(seed \(market.seed), simulated now \(UTCDateTime(milliseconds: now()).iso8601)); "
                + "stop with Ctrl-C")

        await Self.waitForCancellation()
        await simulator.stop()
        let served = await simulator.statistics().totalRequests
        context.logger.info("stopped after serving \(served) requests")
        // Being stopped by SIGINT or SIGTERM is how this tool ends normally: exit 0, not the 130 that `main`
        // reports for an interrupted tool.
        throw ToolExit(code: 0)
    }

    /// Returns when the task is cancelled (`main` cancels it on SIGINT/SIGTERM).
    private static func waitForCancellation() async {
        let (stream, continuation) = AsyncStream<Never>.makeStream()
        for await _ in stream {}
        continuation.finish()
    }

    /// Epoch milliseconds, or a UTC date or time.
    static func time(_ text: String) -> Int64? {
        if let milliseconds = Int64(text), milliseconds >= 0 { return milliseconds }
        return UTCDateTime.milliseconds(parsing: text)
    }

    private static func symbolProblem(_ text: String) -> String? {
        guard extraSymbol(text) == nil else { return nil }
        return "'\(text)' is not <venue>:<symbol> with a venue of "
            + Venue.allCases.map(\.rawValue).joined(separator: ", ")
    }

    static func extraSymbol(_ text: String) -> (Venue, String)? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let venue = Venue(rawValue: parts[0]), !parts[1].isEmpty else { return nil }
        return (venue, parts[1])
    }

    static func isLoopback(_ host: String) -> Bool {
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.first == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
