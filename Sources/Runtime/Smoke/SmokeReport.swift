import BotData
import BotExecution
import BotRisk

/// What a paper smoke test produced, ready to be written as the report folder by ``SmokeReportWriter``.
public struct SmokeReport: Sendable {
    /// The environment the smoke test ran in (`binance_paper`).
    public var environment: String
    /// The window the strategy traded over.
    public var window: SmokeWindow
    /// Every order the run submitted, in submission order.
    public var orders: [SmokeOrder]
    /// The execution ledger of the run, in ledger order.
    public var ledger: [LedgerRecord]
    /// The risk engine's state after the run; nil when it could not be taken.
    public var riskState: RiskSnapshot?
    /// The cache and manifest verification (`interval`, `symbols`, `manifest`, `cache`, …); nil when none ran.
    public var dataChecks: ReportJSON?
    /// The paper pre-check payload (with its `audit_record`), or the `skipped` payload; nil when none.
    public var precheck: ReportJSON?
    /// Health of each alert channel, in display order. Empty until alert channels are wired into the run.
    public var alertChannels: [(name: String, status: String)]
    /// Free space of the report folder's file system; nil when not measured.
    public var storage: StorageStatus?
    /// How many decision-journal events the run recorded.
    public var journalEvents: Int
    /// Free-form remarks for the auditor, in order.
    public var notes: [String]
    /// Steps that failed without stopping the run (e.g. "risk snapshot: …"); any makes the status `error`.
    public var failures: [String]

    /// A report with every field given; the optional parts default to absent.
    public init(
        environment: String, window: SmokeWindow, orders: [SmokeOrder], ledger: [LedgerRecord],
        riskState: RiskSnapshot? = nil, dataChecks: ReportJSON? = nil, precheck: ReportJSON? = nil,
        alertChannels: [(name: String, status: String)] = [], storage: StorageStatus? = nil, journalEvents: Int = 0,
        notes: [String] = [], failures: [String] = []
    ) {
        self.environment = environment
        self.window = window
        self.orders = orders
        self.ledger = ledger
        self.riskState = riskState
        self.dataChecks = dataChecks
        self.precheck = precheck
        self.alertChannels = alertChannels
        self.storage = storage
        self.journalEvents = journalEvents
        self.notes = notes
        self.failures = failures
    }

    /// The overall outcome: `error` when a failure was recorded or the pre-check or data checks report
    /// `error`; `warning` when storage is low or unmeasured or the pre-check warned; otherwise `ok`.
    public var status: SmokeStatus {
        let precheckStatus = Self.statusText(precheck)
        let dataStatus = Self.statusText(dataChecks)
        if !failures.isEmpty || Self.errorStatuses.contains(precheckStatus ?? "")
            || Self.errorStatuses.contains(dataStatus ?? "")
        {
            return .error
        }
        if storage?.status == .low || storage?.status == .unknown || precheckStatus == "warning"
            || dataStatus == "warning"
        {
            return .warning
        }
        return .ok
    }

    /// The figures of the ledger's fills.
    public var metrics: SmokeLedgerMetrics { SmokeLedgerMetrics(ledger: ledger) }

    private static let errorStatuses: Set<String> = ["error", "failed", "fail", "critical"]

    private static func statusText(_ payload: ReportJSON?) -> String? {
        guard case .string(let text)? = payload?["status"] else { return nil }
        return text.lowercased()
    }
}
