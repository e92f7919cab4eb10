/// The platform-wide keys of the `runtime` section (besides `runtime.controllers`): the demo-mode lock
/// and how fresh the paper evidence for a live launch must be.
public struct RuntimeSettings: Sendable, Equatable {
    /// `require_demo_mode`, default true: while true no `live` environment may start, whatever else is
    /// configured. Operators set it to false only after the whole live checklist is signed off.
    public let requireDemoMode: Bool
    /// `live_paper_evidence_max_age_days`, default 30: the newest successful paper smoke record of the same
    /// exchange must be at most this many days old for a live launch.
    public let livePaperEvidenceMaxAgeDays: Int

    /// Settings with the given values; the defaults are the safe ones.
    public init(requireDemoMode: Bool = true, livePaperEvidenceMaxAgeDays: Int = 30) {
        self.requireDemoMode = requireDemoMode
        self.livePaperEvidenceMaxAgeDays = livePaperEvidenceMaxAgeDays
    }

    /// The values used when the keys are absent: demo mode required, 30 days of evidence freshness.
    public static let defaults = RuntimeSettings()
}
