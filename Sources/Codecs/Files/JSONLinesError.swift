/// A failure writing or reading a JSON Lines file (one JSON value per line, `\n`-terminated).
public enum JSONLinesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed on `path` (`operation` is "open", "write", "fsync", …).
    case io(operation: String, path: String, code: Int32)
    /// A value could not be encoded as JSON (`reason` from `JSONEncoder`).
    case encoding(path: String, reason: String)
    /// A pre-rendered record holds a line break, which would split it across lines.
    case lineBreakInRecord(path: String)
    /// A complete line of the file is not valid JSON or does not decode as the requested type.
    case malformedLine(path: String, line: Int, reason: String)
    /// The writer was used after ``JSONLinesWriter/close()``.
    case closed(path: String)

    init(_ error: SystemCallError) {
        self = .io(operation: error.operation, path: error.path, code: error.code)
    }

    public var description: String {
        switch self {
        case .io(let operation, let path, let code):
            "JSON Lines \(operation) failed on \(path): \(SystemCallError.reason(for: code).lowercased()); "
                + SystemCallError.advice(for: code)
        case .encoding(let path, let reason):
            "cannot encode a record for \(path) as JSON: \(reason); this is a bug in the record type"
        case .lineBreakInRecord(let path):
            "a pre-rendered JSON record for \(path) contains a line break; render it without pretty-printing"
        case .malformedLine(let path, let line, let reason):
            "\(path):\(line): not a valid record (\(reason)); fix or remove that line and re-run"
        case .closed(let path):
            "the JSON Lines writer for \(path) was used after it was closed; this is a bug in the caller"
        }
    }
}
