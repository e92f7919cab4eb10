import Foundation

/// Where ``SmokeReportWriter`` put a report, and the hash of its `summary.json`.
public struct SmokeReportFiles: Sendable, Hashable {
    /// The report folder (`daily_trend_smoke_…`).
    public var directory: URL
    /// `summary.json`.
    public var summaryURL: URL
    /// Lower-case hex SHA-256 of the exact bytes of `summary.json`, so `sha256sum summary.json` matches.
    public var summarySHA256: String
    /// `summary.txt`.
    public var summaryTextURL: URL
    /// `README.txt`.
    public var readmeURL: URL
    /// `ledger.jsonl`.
    public var ledgerURL: URL

    /// Report paths as given.
    public init(
        directory: URL, summaryURL: URL, summarySHA256: String, summaryTextURL: URL, readmeURL: URL, ledgerURL: URL
    ) {
        self.directory = directory
        self.summaryURL = summaryURL
        self.summarySHA256 = summarySHA256
        self.summaryTextURL = summaryTextURL
        self.readmeURL = readmeURL
        self.ledgerURL = ledgerURL
    }

    /// The file names of a report, sorted as they appear in its archive.
    public static let fileNames = ["README.txt", "ledger.jsonl", "summary.json", "summary.txt"]
    /// Files the trading run leaves next to the report, archived with it when present: the decision
    /// journal and the sandboxed risk state.
    public static let companionFileNames = ["decisions.jsonl", "risk_state.json"]
}
