import Foundation

/// Builds the decision journal an environment's `decision_journal` section asks for.
public enum DecisionJournalFactory {
    /// The folder used when `backend: file` names no `directory`.
    public static let defaultDirectory = "decisions"

    /// `nil` (section absent or `backend: disabled`) gives a ``DisabledDecisionJournal``, `memory` a
    /// ``MemoryDecisionJournal``, `file` a ``JSONLDecisionJournal`` in ``directory(for:dataCachePath:)``.
    public static func make(config: AuditLogConfig?, dataCachePath: String) -> any DecisionJournal {
        guard let config else { return DisabledDecisionJournal() }
        switch config.backend {
        case .memory:
            return MemoryDecisionJournal()
        case .file:
            return JSONLDecisionJournal(
                directory: directory(for: config, dataCachePath: dataCachePath),
                filenamePattern: config.filenamePattern, retentionDays: config.retentionDays, fsync: config.fsync)
        }
    }

    /// Where a file journal writes: `directory` as is when absolute, else under `dataCachePath`.
    public static func directory(for config: AuditLogConfig, dataCachePath: String) -> URL {
        let directory = config.directory ?? defaultDirectory
        if directory.hasPrefix("/") { return URL(fileURLWithPath: directory, isDirectory: true) }
        return URL(fileURLWithPath: dataCachePath, isDirectory: true)
            .appending(path: directory, directoryHint: .isDirectory)
    }
}
