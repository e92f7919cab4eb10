/// Encodes and decodes parquet.thrift `FileMetaData` and the structures beneath it.
enum FooterCoding {
    // MARK: Encoding

    static func encode(_ metadata: ParquetFileMetadata) -> [UInt8] {
        var writer = ThriftCompactWriter(reservingCapacity: 1024)
        writer.beginStruct()
        writer.field(1, i32: metadata.version)
        let columns = metadata.schema.columns
        writer.listField(2, count: columns.count + 1, of: .structure)
        SchemaElement(root: "schema", children: columns.count).encode(to: &writer)
        for column in columns { SchemaElement(column: column).encode(to: &writer) }
        writer.field(3, i64: metadata.numRows)
        writer.listField(4, count: metadata.rowGroups.count, of: .structure)
        for rowGroup in metadata.rowGroups { encode(rowGroup, to: &writer) }
        if !metadata.keyValueMetadata.isEmpty {
            writer.listField(5, count: metadata.keyValueMetadata.count, of: .structure)
            for (key, value) in metadata.keyValueMetadata.sorted(by: { $0.key < $1.key }) {
                writer.beginStruct()
                writer.field(1, string: key)
                writer.field(2, string: value)
                writer.endStruct()
            }
        }
        if let createdBy = metadata.createdBy { writer.field(6, string: createdBy) }
        // TYPE_ORDER for every column tells readers min_value/max_value follow the type's own order.
        writer.listField(7, count: columns.count, of: .structure)
        for _ in columns {
            writer.beginStruct()
            writer.beginStructField(1)
            writer.endStruct()
            writer.endStruct()
        }
        writer.endStruct()
        return writer.bytes
    }

    private static func encode(_ rowGroup: ParquetRowGroupMetadata, to writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        writer.listField(1, count: rowGroup.columns.count, of: .structure)
        for chunk in rowGroup.columns {
            writer.beginStruct()
            writer.field(2, i64: chunk.dictionaryPageOffset ?? chunk.dataPageOffset)
            writer.beginStructField(3)
            writer.field(1, i32: chunk.physicalType.rawValue)
            writer.listField(2, count: chunk.encodings.count, of: .i32)
            for encoding in chunk.encodings { writer.i32(encoding.rawValue) }
            writer.listField(3, count: chunk.pathInSchema.count, of: .binary)
            for part in chunk.pathInSchema { writer.binary(Array(part.utf8)) }
            writer.field(4, i32: chunk.compression.rawValue)
            writer.field(5, i64: chunk.numValues)
            writer.field(6, i64: chunk.totalUncompressedSize)
            writer.field(7, i64: chunk.totalCompressedSize)
            writer.field(9, i64: chunk.dataPageOffset)
            if let offset = chunk.dictionaryPageOffset { writer.field(11, i64: offset) }
            if let statistics = chunk.statistics {
                writer.beginStructField(12)
                encode(statistics, to: &writer)
            }
            writer.endStruct()
            writer.endStruct()
        }
        writer.field(2, i64: rowGroup.totalByteSize)
        writer.field(3, i64: rowGroup.numRows)
        let fileOffset = rowGroup.columns.first.map { $0.dictionaryPageOffset ?? $0.dataPageOffset }
        if let fileOffset { writer.field(5, i64: fileOffset) }
        writer.field(6, i64: rowGroup.columns.reduce(0) { $0 + $1.totalCompressedSize })
        writer.endStruct()
    }

    /// Writes the fields of a Statistics struct whose header the caller has begun.
    static func encode(_ statistics: ParquetStatistics, to writer: inout ThriftCompactWriter) {
        if let value = statistics.legacyMax { writer.field(1, binary: value) }
        if let value = statistics.legacyMin { writer.field(2, binary: value) }
        if let value = statistics.nullCount { writer.field(3, i64: value) }
        if let value = statistics.distinctCount { writer.field(4, i64: value) }
        if let value = statistics.maxValue { writer.field(5, binary: value) }
        if let value = statistics.minValue { writer.field(6, binary: value) }
        writer.endStruct()
    }

    // MARK: Decoding

    /// A decoded footer before validation against the file.
    struct RawFooter {
        var version: Int32 = 0
        var schema: [SchemaElement] = []
        var numRows: Int64?
        var rowGroups: [RawRowGroup] = []
        var keyValueMetadata: [String: String] = [:]
        var createdBy: String?
    }

    struct RawRowGroup {
        var columns: [RawColumnChunk] = []
        var totalByteSize: Int64 = 0
        var numRows: Int64?
    }

    struct RawColumnChunk {
        var filePath: String?
        var metadata: RawColumnMetadata?
    }

    struct RawColumnMetadata {
        var type: Int32?
        var encodings: [Int32] = []
        var path: [String] = []
        var codec: Int32?
        var numValues: Int64?
        var totalUncompressedSize: Int64?
        var totalCompressedSize: Int64?
        var dataPageOffset: Int64?
        var dictionaryPageOffset: Int64?
        var statistics: ParquetStatistics?
    }

    static func decodeFooter(from reader: inout ThriftCompactReader) throws(ThriftDecodingError) -> RawFooter {
        var footer = RawFooter()
        try reader.beginStruct()
        while let field = try reader.fieldHeader() {
            switch (field.id, field.type) {
            case (1, .i32): footer.version = try reader.i32()
            case (2, .list):
                let (type, count) = try reader.listHeader()
                try reader.expect(type, .structure)
                footer.schema.reserveCapacity(count)
                for _ in 0..<count { footer.schema.append(try SchemaElement.decode(from: &reader)) }
            case (3, .i64): footer.numRows = try reader.i64()
            case (4, .list):
                let (type, count) = try reader.listHeader()
                try reader.expect(type, .structure)
                footer.rowGroups.reserveCapacity(count)
                for _ in 0..<count { footer.rowGroups.append(try decodeRowGroup(from: &reader)) }
            case (5, .list):
                let (type, count) = try reader.listHeader()
                try reader.expect(type, .structure)
                for _ in 0..<count {
                    var key: String?
                    var value = ""
                    try reader.beginStruct()
                    while let inner = try reader.fieldHeader() {
                        switch (inner.id, inner.type) {
                        case (1, .binary): key = try reader.string()
                        case (2, .binary): value = try reader.string()
                        default: try reader.skip(inner.type)
                        }
                    }
                    reader.endStruct()
                    guard let key else { throw .missingField("KeyValue.key") }
                    footer.keyValueMetadata[key] = value
                }
            case (6, .binary): footer.createdBy = try reader.string()
            default: try reader.skip(field.type)
            }
        }
        reader.endStruct()
        return footer
    }

    private static func decodeRowGroup(from reader: inout ThriftCompactReader) throws(ThriftDecodingError)
        -> RawRowGroup
    {
        var rowGroup = RawRowGroup()
        try reader.beginStruct()
        while let field = try reader.fieldHeader() {
            switch (field.id, field.type) {
            case (1, .list):
                let (type, count) = try reader.listHeader()
                try reader.expect(type, .structure)
                rowGroup.columns.reserveCapacity(count)
                for _ in 0..<count { rowGroup.columns.append(try decodeColumnChunk(from: &reader)) }
            case (2, .i64): rowGroup.totalByteSize = try reader.i64()
            case (3, .i64): rowGroup.numRows = try reader.i64()
            default: try reader.skip(field.type)
            }
        }
        reader.endStruct()
        return rowGroup
    }

    private static func decodeColumnChunk(from reader: inout ThriftCompactReader) throws(ThriftDecodingError)
        -> RawColumnChunk
    {
        var chunk = RawColumnChunk()
        try reader.beginStruct()
        while let field = try reader.fieldHeader() {
            switch (field.id, field.type) {
            case (1, .binary): chunk.filePath = try reader.string()
            case (3, .structure): chunk.metadata = try decodeColumnMetadata(from: &reader)
            default: try reader.skip(field.type)
            }
        }
        reader.endStruct()
        return chunk
    }

    private static func decodeColumnMetadata(
        from reader: inout ThriftCompactReader
    ) throws(ThriftDecodingError) -> RawColumnMetadata {
        var metadata = RawColumnMetadata()
        try reader.beginStruct()
        while let field = try reader.fieldHeader() {
            switch (field.id, field.type) {
            case (1, .i32): metadata.type = try reader.i32()
            case (2, .list):
                let (type, count) = try reader.listHeader()
                try reader.expect(type, .i32)
                for _ in 0..<count { metadata.encodings.append(try reader.i32()) }
            case (3, .list):
                let (type, count) = try reader.listHeader()
                try reader.expect(type, .binary)
                for _ in 0..<count { metadata.path.append(try reader.string()) }
            case (4, .i32): metadata.codec = try reader.i32()
            case (5, .i64): metadata.numValues = try reader.i64()
            case (6, .i64): metadata.totalUncompressedSize = try reader.i64()
            case (7, .i64): metadata.totalCompressedSize = try reader.i64()
            case (9, .i64): metadata.dataPageOffset = try reader.i64()
            case (11, .i64): metadata.dictionaryPageOffset = try reader.i64()
            case (12, .structure): metadata.statistics = try decodeStatistics(from: &reader)
            default: try reader.skip(field.type)
            }
        }
        reader.endStruct()
        return metadata
    }

    static func decodeStatistics(from reader: inout ThriftCompactReader) throws(ThriftDecodingError)
        -> ParquetStatistics
    {
        var statistics = ParquetStatistics()
        try reader.beginStruct()
        while let field = try reader.fieldHeader() {
            switch (field.id, field.type) {
            case (1, .binary): statistics.legacyMax = try reader.binary()
            case (2, .binary): statistics.legacyMin = try reader.binary()
            case (3, .i64): statistics.nullCount = try reader.i64()
            case (4, .i64): statistics.distinctCount = try reader.i64()
            case (5, .binary): statistics.maxValue = try reader.binary()
            case (6, .binary): statistics.minValue = try reader.binary()
            default: try reader.skip(field.type)
            }
        }
        reader.endStruct()
        return statistics
    }
}
