import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a JSON Lines file written by ``JSONLinesWriter`` (or any other producer).
///
/// Every complete (newline-terminated) line must decode; the first one that does not is reported with
/// its line number. An unterminated final line that does not decode is what a crash in the middle of an
/// append leaves, so it is returned as ``Contents/partialFinalLine`` instead of failing the read. Empty
/// lines are skipped. The file is read in chunks.
public enum JSONLinesReader {
    /// The decoded records and, if the file ends in an incomplete record, where it is.
    public struct Contents<Record> {
        /// The records of every complete line, in file order.
        public var records: [Record]
        /// The incomplete final line left by an interrupted append, or nil when the file ends cleanly.
        public var partialFinalLine: PartialLine?
    }

    /// An unterminated final line that is not a valid record.
    public struct PartialLine: Sendable, Equatable {
        /// Its 1-based line number.
        public var line: Int
        /// Its length in bytes.
        public var byteCount: Int

        /// A partial line at 1-based `line`, `byteCount` bytes long.
        public init(line: Int, byteCount: Int) {
            self.line = line
            self.byteCount = byteCount
        }
    }

    /// Decodes every line of `url` as `Record`.
    public static func read<Record: Decodable>(
        _ type: Record.Type, from url: URL
    ) throws(JSONLinesError) -> Contents<Record> {
        let decoder = JSONDecoder()
        var contents = Contents<Record>(records: [], partialFinalLine: nil)
        let path = url.path
        let file: FileDescriptor
        do {
            file = try FileDescriptor.reading(path)
        } catch {
            throw JSONLinesError(error)
        }
        var pending: [UInt8] = []
        var lineNumber = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)

        func decode(_ line: ArraySlice<UInt8>) throws(JSONLinesError) -> Record? {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
            do {
                return try decoder.decode(Record.self, from: Data(line))
            } catch {
                throw .malformedLine(path: path, line: lineNumber, reason: Self.reason(error))
            }
        }

        while true {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBytes { buffer in
                    Result { () throws(SystemCallError) in try file.read(into: buffer) }
                }.get()
            } catch {
                throw JSONLinesError(error)
            }
            if count == 0 { break }
            var start = 0
            var index = 0
            while let newline = chunk[index..<count].firstIndex(of: 0x0A) {
                let record: Record?
                if pending.isEmpty {
                    record = try decode(chunk[start..<newline])
                } else {
                    pending.append(contentsOf: chunk[start..<newline])
                    record = try decode(pending[...])
                    pending.removeAll(keepingCapacity: true)
                }
                if let record { contents.records.append(record) }
                start = newline + 1
                index = start
            }
            pending.append(contentsOf: chunk[start..<count])
        }
        if !pending.isEmpty {
            do {
                if let record = try decode(pending[...]) { contents.records.append(record) }
            } catch {
                contents.partialFinalLine = PartialLine(line: lineNumber, byteCount: pending.count)
            }
        }
        return contents
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            if let underlying = context.underlyingError as? NSError,
                let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
            {
                return "invalid JSON: \(detail)"
            }
            return "invalid JSON: \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, _):
            return "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(let type, let context):
            return "expected \(type) at \(codingPath(context.codingPath))"
        case DecodingError.valueNotFound(let type, let context):
            return "null where \(type) is required at \(codingPath(context.codingPath))"
        default:
            return String(describing: error)
        }
    }

    private static func codingPath(_ path: [any CodingKey]) -> String {
        path.isEmpty
            ? "the top level" : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
