import Foundation

/// A canonical trading pair, base then quote (`BTC/USDT`), and its spelling on each venue.
///
/// The configuration's instrument universe names every venue's own symbol explicitly, and adapters take
/// those; this type is for display, for validating that a configured symbol matches its instrument,
/// and for building a symbol when none is configured.
public struct InstrumentSymbol: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The base asset, upper case (`BTC`).
    public let base: String
    /// The quote asset, upper case (`USDT`).
    public let quote: String

    /// A pair of two asset codes (letters and digits, upper-cased).
    ///
    /// - Throws: ``InstrumentSymbolError/invalidAsset(_:)`` for an empty code or other characters.
    public init(base: String, quote: String) throws(InstrumentSymbolError) {
        self.base = try Self.asset(base)
        self.quote = try Self.asset(quote)
    }

    /// Reads `BTC/USDT`, `BTC_USDT`, `btc-usdt` or `BTC:USDT` (surrounding spaces ignored).
    ///
    /// - Throws: ``InstrumentSymbolError/notAPair(_:)`` when there is not exactly one separator.
    public init(parsing text: String) throws(InstrumentSymbolError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(omittingEmptySubsequences: false) { "/_-:".contains($0) }
        guard parts.count == 2 else { throw .notAPair(text) }
        try self.init(base: String(parts[0]), quote: String(parts[1]))
    }

    /// `BTC/USDT`.
    public var description: String { "\(base)/\(quote)" }

    /// `BTC_USDT`: how the configuration names instruments.
    public var instrumentName: String { "\(base)_\(quote)" }

    public static func < (left: InstrumentSymbol, right: InstrumentSymbol) -> Bool {
        (left.base, left.quote) < (right.base, right.quote)
    }

    private static func asset(_ text: String) throws(InstrumentSymbolError) -> String {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
        else { throw .invalidAsset(text) }
        return code
    }
}
