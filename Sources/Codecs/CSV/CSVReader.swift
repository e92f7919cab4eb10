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

        /// Comma-separated, no header, uniform field counts required.
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
    private var parser: CSVParser
    private var expectedFieldCount: Int?

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
        parser = CSVParser(delimiter: options.delimiter, source: source)
        try start()
    }

    /// Reads CSV held in memory; `source` names it in error messages.
    public init(bytes: [UInt8], source: String = "<memory>", options: Options = Options()) throws(CSVError) {
        self.source = source
        self.options = options
        file = nil
        buffer = bytes
        end = bytes.count
        parser = CSVParser(delimiter: options.delimiter, source: source)
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

    private func nextRecord() throws(CSVError) -> [String]? {
        while true {
            if position == end, try !refill() {
                switch parser.finish() {
                case nil: return nil
                case .record(let fields, let line)?:
                    recordLine = line
                    return fields
                case .failed(let error)?: throw error
                case .needsInput?: return nil
                }
            }
            var index = position
            let outcome = buffer.withUnsafeBufferPointer { bytes in
                parser.scan(UnsafeBufferPointer(rebasing: bytes[..<end]), from: &index)
            }
            position = index
            switch outcome {
            case .needsInput:
                continue
            case .record(let fields, let line):
                recordLine = line
                return fields
            case .failed(let error):
                throw error
            }
        }
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
