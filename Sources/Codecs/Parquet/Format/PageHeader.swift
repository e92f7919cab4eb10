/// parquet.thrift `PageHeader` with the data (v1, v2) and dictionary page headers folded in.
struct PageHeader {
    enum Kind: Int32 {
        case dataPage = 0
        case indexPage = 1
        case dictionaryPage = 2
        case dataPageV2 = 3
    }

    var type: Int32 = -1
    var uncompressedSize: Int32 = -1
    var compressedSize: Int32 = -1
    /// CRC-32 of the page's bytes as stored (after compression), when the writer recorded one.
    var crc: Int32?
    var numValues: Int32 = -1
    var encoding: Int32 = 0
    var definitionLevelEncoding: Int32 = 3
    // v2 only.
    var numNulls: Int32 = 0
    var numRows: Int32 = 0
    var definitionLevelsByteLength: Int32 = 0
    var repetitionLevelsByteLength: Int32 = 0
    var isCompressed = true
    var statistics: ParquetStatistics?

    var kind: Kind? { Kind(rawValue: type) }

    func encode(to writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        writer.field(1, i32: type)
        writer.field(2, i32: uncompressedSize)
        writer.field(3, i32: compressedSize)
        if let crc { writer.field(4, i32: crc) }
        switch kind {
        case .dataPage:
            writer.beginStructField(5)
            writer.field(1, i32: numValues)
            writer.field(2, i32: encoding)
            writer.field(3, i32: definitionLevelEncoding)
            writer.field(4, i32: 3)  // repetition levels: RLE (none present in a flat schema)
            if let statistics {
                writer.beginStructField(5)
                FooterCoding.encode(statistics, to: &writer)
            }
            writer.endStruct()
        case .dictionaryPage:
            writer.beginStructField(7)
            writer.field(1, i32: numValues)
            writer.field(2, i32: encoding)
            writer.endStruct()
        case .dataPageV2, .indexPage, nil:
            break
        }
        writer.endStruct()
    }

    static func decode(from reader: inout ThriftCompactReader) throws(ThriftDecodingError) -> PageHeader {
        var header = PageHeader()
        try reader.beginStruct()
        while let field = try reader.fieldHeader() {
            switch (field.id, field.type) {
            case (1, .i32): header.type = try reader.i32()
            case (2, .i32): header.uncompressedSize = try reader.i32()
            case (3, .i32): header.compressedSize = try reader.i32()
            case (4, .i32): header.crc = try reader.i32()
            case (5, .structure):
                try reader.beginStruct()
                while let inner = try reader.fieldHeader() {
                    switch (inner.id, inner.type) {
                    case (1, .i32): header.numValues = try reader.i32()
                    case (2, .i32): header.encoding = try reader.i32()
                    case (3, .i32): header.definitionLevelEncoding = try reader.i32()
                    default: try reader.skip(inner.type)
                    }
                }
                reader.endStruct()
            case (7, .structure):
                try reader.beginStruct()
                while let inner = try reader.fieldHeader() {
                    switch (inner.id, inner.type) {
                    case (1, .i32): header.numValues = try reader.i32()
                    case (2, .i32): header.encoding = try reader.i32()
                    default: try reader.skip(inner.type)
                    }
                }
                reader.endStruct()
            case (8, .structure):
                try reader.beginStruct()
                while let inner = try reader.fieldHeader() {
                    switch (inner.id, inner.type) {
                    case (1, .i32): header.numValues = try reader.i32()
                    case (2, .i32): header.numNulls = try reader.i32()
                    case (3, .i32): header.numRows = try reader.i32()
                    case (4, .i32): header.encoding = try reader.i32()
                    case (5, .i32): header.definitionLevelsByteLength = try reader.i32()
                    case (6, .i32): header.repetitionLevelsByteLength = try reader.i32()
                    case (7, .booleanTrue), (7, .booleanFalse): header.isCompressed = try reader.bool(inner.type)
                    default: try reader.skip(inner.type)
                    }
                }
                reader.endStruct()
            default: try reader.skip(field.type)
            }
        }
        reader.endStruct()
        return header
    }
}
