/// Reads a flat Parquet file: parses and validates the footer on open, then decodes one row group at a
/// time (only the requested columns), reading from the file with positioned reads so memory holds at
/// most one row group's selected columns.
///
/// Not `Sendable`: it owns an open file descriptor. Keep it in one task or inside an actor.
///
/// ```swift
/// let reader = try ParquetReader(path: path)
/// var groups = reader.rowGroups(columns: ["open_time", "close"])
/// while let group = try groups.next() {
///     guard case .double(let closes, _)? = group["close"] else { continue }
///     …
/// }
/// ```
public final class ParquetReader {
    /// The file's path (or the name given to in-memory bytes), used in error messages.
    public let path: String
    /// The parsed and validated footer.
    public let metadata: ParquetFileMetadata
    /// The limits this reader applies.
    public let options: ParquetReaderOptions

    enum Source {
        case file(ReadableFile)
        case bytes([UInt8])
    }

    let source: Source
    /// Holds one column chunk's stored bytes while it is decoded; reused so reading many chunks does
    /// not map fresh memory for each. It keeps the largest chunk's size until the reader is released.
    private var chunkBuffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    let fileSize: Int
    /// Where the footer starts; column chunks must end before it.
    let footerStart: Int

    /// Opens the file at `path` and reads its footer.
    public convenience init(path: String, options: ParquetReaderOptions = ParquetReaderOptions()) throws(ParquetError) {
        let file = try ReadableFile(path: path)
        try self.init(source: .file(file), size: file.size, path: path, options: options)
    }

    /// Reads a Parquet file held in memory; `name` stands for its path in error messages.
    public convenience init(
        bytes: [UInt8], name: String = "<in-memory Parquet>", options: ParquetReaderOptions = ParquetReaderOptions()
    ) throws(ParquetError) {
        try self.init(source: .bytes(bytes), size: bytes.count, path: name, options: options)
    }

    private init(source: Source, size: Int, path: String, options: ParquetReaderOptions) throws(ParquetError) {
        self.source = source
        self.path = path
        self.options = options
        fileSize = size
        guard size >= 12 else {
            throw .notParquet(path: path, reason: "only \(size) bytes, too short for a Parquet header and footer")
        }
        let tail = try Self.read(source, path: path, at: size - 8, count: 8)
        let head = try Self.read(source, path: path, at: 0, count: 4)
        if tail[4..<8].elementsEqual("PARE".utf8) {
            throw .unsupported(path: path, feature: "an encrypted footer (PARE)")
        }
        guard tail[4..<8].elementsEqual("PAR1".utf8) else {
            throw .notParquet(path: path, reason: "no PAR1 magic at the end")
        }
        guard head.elementsEqual("PAR1".utf8) else {
            throw .notParquet(path: path, reason: "no PAR1 magic at the start")
        }
        let footerLength = Int(UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
        guard footerLength <= size - 12 else {
            throw .notParquet(
                path: path, reason: "the footer length \(footerLength) exceeds the file's \(size) bytes")
        }
        guard footerLength <= options.maxFooterSize else {
            throw .limitExceeded(path: path, what: "a footer size", value: footerLength, limit: options.maxFooterSize)
        }
        footerStart = size - 8 - footerLength
        let footer = try Self.read(source, path: path, at: footerStart, count: footerLength)
        metadata = try Self.parseFooter(footer, path: path, footerStart: footerStart, options: options)
    }

    deinit { chunkBuffer.deallocate() }

    /// Calls `body` with the `count` stored bytes at `offset` (checked against the file by the footer
    /// validation).
    func withBytes<R>(
        at offset: Int, count: Int, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        switch source {
        case .bytes(let bytes):
            return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + count])) }
        case .file(let file):
            if chunkBuffer.count < count {
                chunkBuffer.deallocate()
                chunkBuffer = .allocate(byteCount: count, alignment: 16)
            }
            let region = UnsafeMutableRawBufferPointer(rebasing: chunkBuffer[..<count])
            try file.read(at: offset, into: region)
            return try body(UnsafeRawBufferPointer(region))
        }
    }

    /// The number of row groups.
    public var rowGroupCount: Int { metadata.rowGroups.count }

    /// The schema.
    public var schema: ParquetSchema { metadata.schema }

    /// Decodes row group `index`, keyed by column name: all columns, or only those named in `columns`.
    public func readRowGroup(_ index: Int, columns: [String]? = nil) throws(ParquetError) -> [String: ParquetColumnData]
    {
        guard metadata.rowGroups.indices.contains(index) else {
            throw .rowGroupOutOfRange(path: path, index: index, count: metadata.rowGroups.count)
        }
        let selected = try columnIndices(columns)
        var result: [String: ParquetColumnData] = [:]
        for column in selected {
            result[metadata.schema.columns[column].name] = try readColumnChunk(rowGroup: index, column: column)
        }
        return result
    }

    /// Decodes one column of one row group.
    public func readColumn(_ name: String, rowGroup: Int) throws(ParquetError) -> ParquetColumnData {
        guard metadata.rowGroups.indices.contains(rowGroup) else {
            throw .rowGroupOutOfRange(path: path, index: rowGroup, count: metadata.rowGroups.count)
        }
        guard let column = metadata.schema.index(of: name) else { throw .columnNotFound(path: path, name: name) }
        return try readColumnChunk(rowGroup: rowGroup, column: column)
    }

    /// A cursor that decodes the row groups in order, one per ``RowGroupCursor/next()``.
    public func rowGroups(columns: [String]? = nil) -> RowGroupCursor {
        RowGroupCursor(reader: self, columns: columns)
    }

    /// Streams row groups in file order: `while let group = try cursor.next() { … }`.
    public struct RowGroupCursor {
        let reader: ParquetReader
        let columns: [String]?
        /// The index of the row group the next call returns.
        public private(set) var index = 0

        /// The next row group's columns, or nil after the last.
        public mutating func next() throws(ParquetError) -> [String: ParquetColumnData]? {
            guard index < reader.rowGroupCount else { return nil }
            defer { index += 1 }
            return try reader.readRowGroup(index, columns: columns)
        }
    }

    private func columnIndices(_ names: [String]?) throws(ParquetError) -> [Int] {
        guard let names else { return Array(metadata.schema.columns.indices) }
        var indices: [Int] = []
        for name in names {
            guard let index = metadata.schema.index(of: name) else { throw .columnNotFound(path: path, name: name) }
            indices.append(index)
        }
        return indices
    }

    func read(at offset: Int, count: Int) throws(ParquetError) -> [UInt8] {
        try Self.read(source, path: path, at: offset, count: count)
    }

    private static func read(_ source: Source, path: String, at offset: Int, count: Int) throws(ParquetError) -> [UInt8]
    {
        switch source {
        case .file(let file): return try file.read(at: offset, count: count)
        case .bytes(let bytes): return Array(bytes[offset..<offset + count])
        }
    }
}
