import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes CSV (RFC 4180) to a file or to memory.
///
/// A field is quoted only when it must be: when it holds the delimiter, a quote, CR or LF, or starts or
/// ends with a space or tab (which many readers would trim). Quotes inside are doubled. Records end with
/// CRLF by default, as RFC 4180 says; ``LineEnding/lf`` is available for Unix tools.
///
/// Not `Sendable`: one owner writes. Call ``close()`` to flush a file.
public final class CSVWriter {
    /// The record terminator.
    public enum LineEnding: Sendable {
        case crlf
        case lf
    }

    /// How records are written.
    public struct Options: Sendable {
        /// CRLF (RFC 4180, the default) or LF.
        public var lineEnding: LineEnding
        /// The field separator, an ASCII byte other than `"`, CR or LF.
        public var delimiter: UInt8

        /// RFC 4180 output: commas and CRLF unless told otherwise.
        public init(lineEnding: LineEnding = .crlf, delimiter: UInt8 = UInt8(ascii: ",")) {
            precondition(
                delimiter < 0x80 && delimiter != 0x22 && delimiter != 0x0A && delimiter != 0x0D,
                "a CSV delimiter must be an ASCII byte other than a quote or a line break")
            self.lineEnding = lineEnding
            self.delimiter = delimiter
        }
    }

    private let options: Options
    private let path: String
    private let isInMemory: Bool
    private var file: FileDescriptor?
    private var isClosed = false
    /// Everything written (in memory) or what is not yet flushed (to a file).
    private var buffer: [UInt8] = []

    /// A writer that collects the CSV in memory; read it with ``string``.
    public init(options: Options = Options()) {
        self.options = options
        path = "<memory>"
        file = nil
        isInMemory = true
    }

    /// A writer that creates (or truncates) the file at `url` with permission bits `mode`.
    public init(url: URL, options: Options = Options(), mode: FileMode = .readableByAll) throws(CSVError) {
        self.options = options
        path = url.path
        isInMemory = false
        do {
            let file = try FileDescriptor(path: path, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: mode.systemValue)
            try file.setMode(mode.systemValue)
            self.file = file
        } catch {
            throw CSVError(error)
        }
    }

    /// The CSV written so far (in-memory writers; empty for file writers).
    public var string: String { isInMemory ? String(decoding: buffer, as: UTF8.self) : "" }

    /// The CSV of `records`.
    public static func string(for records: [[String]], options: Options = Options()) -> String {
        let writer = CSVWriter(options: options)
        for record in records { writer.append(record) }
        return writer.string
    }

    /// Writes one record.
    public func write(_ record: [String]) throws(CSVError) {
        guard !isClosed else { throw .writerClosed(path: path) }
        append(record)
        if file != nil && buffer.count >= 64 * 1024 { try flushPending() }
    }

    /// Writes the records in order.
    public func write(_ records: [[String]]) throws(CSVError) {
        for record in records { try write(record) }
    }

    /// Writes any buffered records and closes the file. Further writes throw.
    public func close() throws(CSVError) {
        guard !isClosed else { return }
        try flushPending()
        isClosed = true
        do {
            try file?.close()
        } catch {
            throw CSVError(error)
        }
        file = nil
    }

    deinit {
        if !isClosed, let file, !buffer.isEmpty { try? file.write(buffer) }
    }

    private func append(_ record: [String]) {
        let delimiter = options.delimiter
        if record.count == 1 && record[0].isEmpty {
            // A lone empty field would be a blank line, which readers skip; quote it so it survives.
            buffer += [0x22, 0x22]
        } else {
            for (index, field) in record.enumerated() {
                if index > 0 { buffer.append(delimiter) }
                Self.appendField(field, delimiter: delimiter, to: &buffer)
            }
        }
        if options.lineEnding == .crlf { buffer.append(0x0D) }
        buffer.append(0x0A)
    }

    private static func appendField(_ field: String, delimiter: UInt8, to output: inout [UInt8]) {
        let bytes = field.utf8
        let needsQuotes =
            bytes.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || bytes.first == 0x20 || bytes.first == 0x09 || bytes.last == 0x20 || bytes.last == 0x09
        guard needsQuotes else {
            output.append(contentsOf: bytes)
            return
        }
        output.append(0x22)
        for byte in bytes {
            if byte == 0x22 { output.append(0x22) }
            output.append(byte)
        }
        output.append(0x22)
    }

    private func flushPending() throws(CSVError) {
        guard let file, !buffer.isEmpty else { return }
        do {
            try file.write(buffer)
        } catch {
            throw CSVError(error)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
