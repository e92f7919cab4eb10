/// The verdict of a paper pre-check or of one of its sections.
public enum PrecheckStatus: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Nothing to report.
    case ok
    /// Trading can start, but something deserves a look (`--fail-on-warnings` makes it fatal).
    case warning
    /// Trading must not start.
    case error

    public static func < (left: PrecheckStatus, right: PrecheckStatus) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }

    /// `OK`, `WARNING`, `ERROR`, as the text output's final line prints it.
    public var label: String { rawValue.uppercased() }
}

/// The verdict of the coverage or risk section, which may also not have run.
public enum PrecheckSectionStatus: String, Sendable, Hashable, CaseIterable {
    case ok
    case warning
    case error
    /// The section did not run (no manifest, no universe, `--skip-risk-check`, unknown environment).
    case skipped

    /// The section's verdict; nil when it was skipped.
    public var status: PrecheckStatus? { PrecheckStatus(rawValue: rawValue) }

    init(_ status: PrecheckStatus) {
        self = PrecheckSectionStatus(rawValue: status.rawValue)!
    }
}
