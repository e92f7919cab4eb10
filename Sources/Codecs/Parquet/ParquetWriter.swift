import Foundation

/// Writes a flat table to Parquet: PLAIN or dictionary (RLE_DICTIONARY) encoded data pages v1,
/// RLE definition levels for optional columns, min/max/null-count statistics, page CRC-32s, and
/// UNCOMPRESSED, SNAPPY or GZIP compression. The file is assembled in memory (about its final size
/// on top of the input columns), which suits the candle cache's monthly partitions.
///
/// ```swift
/// let schema = ParquetSchema([.timestampMillis("open_time"), .double("close")])
/// try ParquetWriter.write(schema: schema, columns: [.int64(times), .double(closes)], to: url)
/// ```
public enum ParquetWriter {
    /// Encodes `columns` (one per schema column, all with the same row count) as a Parquet file.
    public static func encode(
        schema: ParquetSchema, columns: [ParquetColumnData], options: ParquetWriteOptions = ParquetWriteOptions()
    ) throws(ParquetError) -> [UInt8] {
        let rowCount = try validate(schema: schema, columns: columns, options: options)
        var file: [UInt8] = Array("PAR1".utf8)
        file.reserveCapacity(estimatedSize(columns))
        var rowGroups: [ParquetRowGroupMetadata] = []
        var start = 0
        repeat {
            let rows = start..<min(start + options.rowGroupSize, rowCount)
            var chunks: [ParquetColumnChunkMetadata] = []
            for (column, data) in zip(schema.columns, columns) {
                chunks.append(try writeChunk(data, column: column, rows: rows, options: options, into: &file))
            }
            rowGroups.append(
                ParquetRowGroupMetadata(
                    numRows: Int64(rows.count), totalByteSize: chunks.reduce(0) { $0 + $1.totalUncompressedSize },
                    columns: chunks))
            start = rows.upperBound
        } while start < rowCount
        let metadata = ParquetFileMetadata(
            version: 2, schema: schema, numRows: Int64(rowCount), rowGroups: rowGroups,
            keyValueMetadata: options.keyValueMetadata, createdBy: options.createdBy)
        let footer = FooterCoding.encode(metadata)
        file.append(contentsOf: footer)
        withUnsafeBytes(of: UInt32(footer.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(contentsOf: Array("PAR1".utf8))
        return file
    }

    /// Writes `columns` as a Parquet file at `url`, atomically: the bytes go to a temporary file in the
    /// same folder, which is flushed to disk and then renamed over `url`, so readers see either the
    /// old file or the complete new one.
    public static func write(
        schema: ParquetSchema, columns: [ParquetColumnData], to url: URL,
        options: ParquetWriteOptions = ParquetWriteOptions()
    ) throws(ParquetError) {
        let bytes = try encode(schema: schema, columns: columns, options: options)
        try FileIO.writeAtomically(bytes, to: url.path)
    }

    // MARK: Validation

    private static func validate(
        schema: ParquetSchema, columns: [ParquetColumnData], options: ParquetWriteOptions
    ) throws(ParquetError) -> Int {
        guard !schema.columns.isEmpty else { throw .invalidInput(reason: "the schema has no columns") }
        guard schema.columns.count == columns.count else {
            throw .invalidInput(
                reason: "the schema has \(schema.columns.count) columns but \(columns.count) were given")
        }
        guard options.rowGroupSize > 0, options.dataPageSize > 0 else {
            throw .invalidInput(reason: "rowGroupSize and dataPageSize must be positive")
        }
        var names = Set<String>()
        let rowCount = columns[0].count
        for (column, data) in zip(schema.columns, columns) {
            guard !column.name.isEmpty, names.insert(column.name).inserted else {
                throw .invalidInput(reason: "column names must be unique and non-empty ('\(column.name)')")
            }
            guard data.count == rowCount else {
                throw .invalidInput(
                    reason:
                        "column '\(column.name)' has \(data.count) rows but '\(schema.columns[0].name)' has \(rowCount)"
                )
            }
            let matches: Bool
            switch (data, column.physicalType, column.logicalType) {
            case (.int32, .int32, nil), (.double, .double, nil), (.boolean, .boolean, nil): matches = true
            case (.int64, .int64, nil), (.int64, .int64, .timestamp?): matches = true
            case (.string, .byteArray, .string?), (.bytes, .byteArray, nil): matches = true
            default: matches = false
            }
            guard matches else {
                let declared = "\(column.physicalType)\(column.logicalType.map { " \($0)" } ?? "")"
                throw .invalidInput(
                    reason: "column '\(column.name)' is declared \(declared) but its data is \(data.kind); use "
                        + ".int64 for timestamps, .string for STRING columns and .bytes for plain BYTE_ARRAY")
            }
            if let validity = data.validity {
                guard validity.count == rowCount else {
                    throw .invalidInput(
                        reason: "column '\(column.name)' has \(validity.count) validity flags for \(rowCount) rows")
                }
                guard column.isOptional || !validity.contains(false) else {
                    throw .invalidInput(
                        reason: "column '\(column.name)' is required but has null rows; declare it optional")
                }
            }
        }
        return rowCount
    }

    private static func estimatedSize(_ columns: [ParquetColumnData]) -> Int {
        columns.reduce(1024) { $0 + $1.count * 9 }
    }

    // MARK: Column chunks

    private static func writeChunk(
        _ data: ParquetColumnData, column: ParquetColumn, rows: Range<Int>, options: ParquetWriteOptions,
        into file: inout [UInt8]
    ) throws(ParquetError) -> ParquetColumnChunkMetadata {
        switch data {
        case .int32(let values, let validity):
            try ChunkWriter.write(values, validity, column, rows, options, &file)
        case .int64(let values, let validity):
            try ChunkWriter.write(values, validity, column, rows, options, &file)
        case .double(let values, let validity):
            try ChunkWriter.write(values, validity, column, rows, options, &file)
        case .boolean(let values, let validity):
            try ChunkWriter.write(values, validity, column, rows, options, &file)
        case .string(let values, let validity):
            try ChunkWriter.write(values, validity, column, rows, options, &file)
        case .bytes(let values, let validity):
            try ChunkWriter.write(values, validity, column, rows, options, &file)
        }
    }
}
