import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads CSV (RFC 4180) record by record, from a file in chunks or from memory.
///
/// Fields are separated by the delimiter (a comma by default); records end at CRLF, LF or a lone CR.
/// A field that starts with `"` is quoted: it may hold delimiters and line breaks, and `""` stands for one
/// quote. Blank lines are skipped and a leading UTF-8 byte order mark is ignored. Malformed input throws
/// ``CSVError`` with the line and column.
///
/// Not `Sendable`: it owns an open file and a read position.
public final class CSVReader {
    /// How the input is parsed.
    public struct Options: Sendable {
        /// The field separator, an ASCII byte other than `"`, CR or LF.
        public var delimiter: UInt8
        /// Whether the first record names the columns (available as ``CSVReader/header``).
        public var hasHeader: Bool
        /// Whether every record must have as many fields as the header (or the first record).
        public var requiresUniformFieldCount: Bool

        public init(
            delimiter: UInt8 = UInt8(ascii: ","), hasHeader: Bool = false, requiresUniformFieldCount: Bool = true
        ) {
            precondition(
                delimiter < 0x80 && delimiter != 0x22 && delimiter != 0x0A && delimiter != 0x0D,
                "a CSV delimiter must be an ASCII byte other than a quote or a line break")
            self.delimiter = delimiter
            self.hasHeader = hasHeader
            self.requiresUniformFieldCount = requiresUniformFieldCount
        }
    }

    /// The file path, or a name for in-memory input; used in error messages.
    public let source: String
    /// The column names when ``Options/hasHeader`` is set.
    public private(set) var header: [String]?
    /// The line on which the record last returned by ``next()`` started.
    public private(set) var recordLine = 0

    private let options: Options
    private let file: FileDescriptor?
    private var buffer: [UInt8]
    private var position = 0
    private var end: Int
    private var line = 1
    private var column = 0
    private var skipsLineFeed = false
    private var expectedFieldCount: Int?
    private var field: [UInt8] = []

    /// Reads the file at `url` in 64 KiB chunks. With ``Options/hasHeader`` the header is read here.
    public init(url: URL, options: Options = Options()) throws(CSVError) {
        source = url.path
        self.options = options
        do {
            file = try FileDescriptor.reading(url.path)
        } catch {
            throw CSVError(error)
        }
        buffer = [UInt8](repeating: 0, count: 64 * 1024)
        end = 0
        try start()
    }

    /// Reads CSV held in memory; `source` names it in error messages.
    public init(bytes: [UInt8], source: String = "<memory>", options: Options = Options()) throws(CSVError) {
        self.source = source
        self.options = options
        file = nil
        buffer = bytes
        end = bytes.count
        try start()
    }

    /// Reads CSV held in a string; `source` names it in error messages.
    public convenience init(string: String, source: String = "<string>", options: Options = Options()) throws(CSVError)
    {
        try self.init(bytes: Array(string.utf8), source: source, options: options)
    }

    private func start() throws(CSVError) {
        if try peek() == 0xEF {
            // Skip a UTF-8 byte order mark (Excel writes one) if all three bytes are there.
            if end - position >= 3, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF { position += 3 }
        }
        if options.hasHeader {
            header = try next()
        }
    }

    /// The next record, or nil at the end of the input.
    public func next() throws(CSVError) -> [String]? {
        guard let fields = try nextRecord() else { return nil }
        if options.requiresUniformFieldCount {
            if let expected = expectedFieldCount {
                guard fields.count == expected else {
                    throw .fieldCount(source: source, line: recordLine, expected: expected, found: fields.count)
                }
            } else {
                expectedFieldCount = fields.count
            }
        }
        return fields
    }

    /// Every remaining record.
    public func readAll() throws(CSVError) -> [[String]] {
        var records: [[String]] = []
        while let record = try next() { records.append(record) }
        return records
    }

    // MARK: - Parsing

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private enum Scan {
        /// The buffered bytes ran out before the record ended.
        case needsInput
        /// A record ended (``fields`` holds it), or a blank line was skipped (``fields`` is empty).
        case recordEnded
        case failed(CSVError)
    }

    private var state = State.fieldStart
    private var fields: [String] = []
    private var quoteLine = 0
    private var quoteColumn = 0

    private func nextRecord() throws(CSVError) -> [String]? {
        fields = []
        state = .fieldStart
        field.removeAll(keepingCapacity: true)
        recordLine = line
        while true {
            if position == end, try !refill() { return try finishAtEndOfInput() }
            switch scan() {
            case .needsInput:
                continue
            case .recordEnded:
                if fields.isEmpty {
                    recordLine = line  // a blank line: skip it
                    continue
                }
                return fields
            case .failed(let error):
                throw error
            }
        }
    }

    private func finishAtEndOfInput() throws(CSVError) -> [String]? {
        switch state {
        case .quoted:
            throw .unterminatedQuote(source: source, line: quoteLine, column: quoteColumn)
        case .fieldStart where fields.isEmpty:
            return nil
        default:
            if let error = emit() { throw error }
            return fields
        }
    }

    /// Consumes buffered bytes until the current record ends or the buffer is exhausted. Runs of ordinary
    /// bytes are copied in one step; the state machine only sees delimiters, quotes and line breaks.
    private func scan() -> Scan {
        let delimiter = options.delimiter
        var index = position
        let limit = end
        defer { position = index }
        return buffer.withUnsafeBufferPointer { bytes -> Scan in
            if skipsLineFeed, index < limit {
                skipsLineFeed = false
                if bytes[index] == 0x0A { index += 1 }
            }
            while index < limit {
                switch state {
                case .fieldStart, .unquoted:
                    let runStart = index
                    while index < limit {
                        let byte = bytes[index]
                        if byte == delimiter || byte == 0x0A || byte == 0x0D || byte == 0x22 { break }
                        index += 1
                    }
                    if index > runStart {
                        appendRun(bytes, runStart, index)
                        state = .unquoted
                    }
                    guard index < limit else { return .needsInput }
                    let byte = bytes[index]
                    index += 1
                    column += 1
                    if byte == delimiter {
                        if let error = emit() { return .failed(error) }
                        state = .fieldStart
                    } else if byte == 0x22 {
                        guard state == .fieldStart else {
                            return .failed(.strayQuote(source: source, line: line, column: column))
                        }
                        state = .quoted
                        quoteLine = line
                        quoteColumn = column
                    } else {
                        endLine(after: byte)
                        if state == .fieldStart && fields.isEmpty { return .recordEnded }
                        if let error = emit() { return .failed(error) }
                        return .recordEnded
                    }
                case .quoted:
                    let runStart = index
                    while index < limit {
                        let byte = bytes[index]
                        if byte == 0x22 || byte == 0x0A { break }
                        index += 1
                    }
                    if index > runStart { appendRun(bytes, runStart, index) }
                    guard index < limit else { return .needsInput }
                    let byte = bytes[index]
                    index += 1
                    if byte == 0x22 {
                        column += 1
                        state = .quoteInQuoted
                    } else {
                        field.append(byte)
                        line += 1
                        column = 0
                    }
                case .quoteInQuoted:
                    let byte = bytes[index]
                    index += 1
                    if byte & 0xC0 != 0x80 { column += 1 }
                    if byte == 0x22 {
                        field.append(0x22)
                        state = .quoted
                    } else if byte == delimiter {
                        if let error = emit() { return .failed(error) }
                        state = .fieldStart
                    } else if byte == 0x0A || byte == 0x0D {
                        endLine(after: byte)
                        if let error = emit() { return .failed(error) }
                        return .recordEnded
                    } else {
                        return .failed(.textAfterClosingQuote(source: source, line: line, column: column))
                    }
                }
            }
            return .needsInput
        }
    }

    /// Appends `bytes[start..<end]` to the field, advancing the column by its character count.
    @inline(__always)
    private func appendRun(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        let run = UnsafeBufferPointer(rebasing: bytes[start..<end])
        field.append(contentsOf: run)
        var characters = 0
        for byte in run where byte & 0xC0 != 0x80 { characters += 1 }
        column += characters
    }

    private func endLine(after byte: UInt8) {
        line += 1
        column = 0
        skipsLineFeed = byte == 0x0D
    }

    /// Ends the current field; returns an error instead of throwing so the scan loop stays non-throwing.
    private func emit() -> CSVError? {
        guard let text = String(validating: field, as: UTF8.self) else {
            return .invalidUTF8(source: source, line: recordLine, field: fields.count + 1)
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
        return nil
    }

    private func peek() throws(CSVError) -> UInt8? {
        if position == end {
            guard try refill() else { return nil }
        }
        return buffer[position]
    }

    /// Reads the next chunk of the file; false at the end of the input.
    private func refill() throws(CSVError) -> Bool {
        guard let file else { return false }
        do {
            end = try buffer.withUnsafeMutableBytes { bytes in
                Result { () throws(SystemCallError) in try file.read(into: bytes) }
            }.get()
        } catch {
            throw CSVError(error)
        }
        position = 0
        return end > 0
    }
}
