import BotCodecs

/// Why the engine could not load or save its state file, or refused a fill.
public enum RiskStateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but cannot be read.
    case unreadable(path: String, detail: String)
    /// The file is not a risk state this version understands.
    case corrupt(path: String, detail: String)
    /// The file belongs to another environment or profile.
    case mismatch(path: String, expected: String, found: String)
    /// The file could not be written; the previous file is unchanged.
    case writeFailed(AtomicFileError)
    /// A fill with a quantity, price or fee that cannot be booked.
    case invalidFill(symbol: String, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail):
            return "cannot read the risk state \(path): \(detail); check its permissions and the disk, then restart"
        case .corrupt(let path, let detail):
            return "the risk state \(path) is corrupt (\(detail)); restore it from a backup, or move it aside to "
                + "start with fresh limits (positions, daily loss and peak equity are then forgotten)"
        case .mismatch(let path, let expected, let found):
            return "the risk state \(path) belongs to \(found), not \(expected); point the engine at the right "
                + "file or move this one aside"
        case .writeFailed(let error):
            return "cannot save the risk state: \(error)"
        case .invalidFill(let symbol, let detail):
            return "cannot book a fill for \(symbol): \(detail); the risk state was not changed"
        }
    }
}
