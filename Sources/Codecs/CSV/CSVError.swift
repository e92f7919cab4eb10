/// A failure reading or writing CSV (RFC 4180). Positions are 1-based; columns count characters.
public enum CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A quoted field is still open at the end of the input; `line` and `column` are where it opened.
    case unterminatedQuote(source: String, line: Int, column: Int)
    /// A `"` inside a field that did not start with one.
    case strayQuote(source: String, line: Int, column: Int)
    /// Something other than a delimiter or line end right after a closing quote.
    case textAfterClosingQuote(source: String, line: Int, column: Int)
    /// A record with a different number of fields than the header (or the first record).
    case fieldCount(source: String, line: Int, expected: Int, found: Int)
    /// A field that is not valid UTF-8; `field` is its 1-based position in the record.
    case invalidUTF8(source: String, line: Int, field: Int)
    /// A system call failed (`operation` is "open", "read", "write", …).
    case io(operation: String, path: String, code: Int32)
    /// The writer was used after ``CSVWriter/close()``.
    case writerClosed(path: String)

    init(_ error: SystemCallError) {
        self = .io(operation: error.operation, path: error.path, code: error.code)
    }

    public var description: String {
        switch self {
        case .unterminatedQuote(let source, let line, let column):
            "\(source):\(line):\(column): quoted field never closed; add the closing \" (write a quote inside "
                + "a quoted field as \"\")"
        case .strayQuote(let source, let line, let column):
            "\(source):\(line):\(column): quote inside an unquoted field; quote the whole field and double the "
                + "quote (\"a\"\"b\")"
        case .textAfterClosingQuote(let source, let line, let column):
            "\(source):\(line):\(column): text after a closing quote; a quoted field must end at a comma or "
                + "line end (write a quote inside it as \"\")"
        case .fieldCount(let source, let line, let expected, let found):
            "\(source):\(line): \(found) fields where \(expected) were expected; fix the record or the header"
        case .invalidUTF8(let source, let line, let field):
            "\(source):\(line): field \(field) is not valid UTF-8; re-export the file as UTF-8"
        case .io(let operation, let path, let code):
            "CSV \(operation) failed on \(path): \(SystemCallError.reason(for: code).lowercased()); "
                + SystemCallError.advice(for: code)
        case .writerClosed(let path):
            "the CSV writer for \(path) was used after it was closed; this is a bug in the caller"
        }
    }
}
