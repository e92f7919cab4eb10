import Foundation

/// What the operator asked for when starting an environment, as far as the live gates care.
public struct LiveGateRequest: Sendable, Equatable {
    /// Where the paper smoke JSONL audit log is unless told otherwise (relative to the working directory).
    public static let defaultPaperAuditLogPath = "docs/audit/paper_trading_log.jsonl"

    /// `--allow-live` was given.
    public let allowLive: Bool
    /// The paper smoke JSONL audit log; nil means ``defaultPaperAuditLogPath``.
    public let paperAuditLogPath: URL?
    /// The current time, epoch milliseconds UTC (for the evidence's age).
    public let now: Int64

    /// A request made at `now`.
    public init(allowLive: Bool, paperAuditLogPath: URL? = nil, now: Int64) {
        self.allowLive = allowLive
        self.paperAuditLogPath = paperAuditLogPath
        self.now = now
    }

    /// The log to read: the given path or the default one.
    public var resolvedPaperAuditLogPath: URL {
        paperAuditLogPath ?? URL(fileURLWithPath: Self.defaultPaperAuditLogPath)
    }
}
