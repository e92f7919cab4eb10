/// `environments.<name>.alert_throttle`: duplicate alerts inside the window are suppressed, except the
/// excluded severities and categories.
public struct AlertThrottleConfig: Sendable, Equatable {
    /// `window_seconds` (alias `window`), above 0.
    public let windowSeconds: Double
    /// `exclude_severities`, lower-cased.
    public let excludeSeverities: [String]
    /// `exclude_categories`, lower-cased.
    public let excludeCategories: [String]
    /// `max_entries`, default 2048.
    public let maxEntries: Int
}
