/// A name (an environment, a risk profile) made safe to use as part of a file name on any system:
/// every character outside `[A-Za-z0-9_.-]` becomes `_`.
///
/// The risk state, the paper account and the pre-check reports name their files this way, so an
/// environment called `binance paper/eu` always maps to the same, harmless part.
public enum FileNamePart {
    /// `name` with every character outside `[A-Za-z0-9_.-]` replaced by `_`; with `collapsingRuns`, a run of
    /// such characters becomes a single `_`. Empty input gives an empty part; callers choose the fallback.
    public static func sanitized(_ name: some StringProtocol, collapsingRuns: Bool = false) -> String {
        var result = ""
        var inRun = false
        for scalar in name.unicodeScalars {
            if isAllowed(scalar) {
                result.unicodeScalars.append(scalar)
                inRun = false
            } else if !(collapsingRuns && inRun) {
                result += "_"
                inRun = true
            }
        }
        return result
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
            || scalar == "_" || scalar == "." || scalar == "-"
    }
}
