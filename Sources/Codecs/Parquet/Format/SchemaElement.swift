/// parquet.thrift `SchemaElement`, the fields this package reads and writes.
struct SchemaElement {
    var type: Int32?
    var repetition: Int32?
    var name: String = ""
    var numChildren: Int32?
    var convertedType: Int32?
    /// The LogicalType union's field id (1 STRING, 8 TIMESTAMP, …) and, for TIMESTAMP, its parameters.
    var logicalTypeID: Int16?
    var timestampIsAdjustedToUTC: Bool?
    var timestampUnitID: Int16?

    // Enum values from parquet.thrift.
    static let required: Int32 = 0, optional: Int32 = 1, repeated: Int32 = 2
    static let convertedUTF8: Int32 = 0, convertedEnum: Int32 = 4, convertedTimestampMillis: Int32 = 9
    static let convertedTimestampMicros: Int32 = 10, convertedJSON: Int32 = 19
    static let logicalString: Int16 = 1, logicalEnum: Int16 = 4, logicalTimestamp: Int16 = 8
    static let logicalJSON: Int16 = 12

    init(column: ParquetColumn) {
        name = column.name
        type = column.physicalType.rawValue
        repetition = column.isOptional ? Self.optional : Self.required
        switch column.logicalType {
        case .string:
            logicalTypeID = Self.logicalString
            convertedType = Self.convertedUTF8
        case .timestamp(let unit, let utc):
            logicalTypeID = Self.logicalTimestamp
            timestampIsAdjustedToUTC = utc
            switch unit {
            case .milliseconds:
                timestampUnitID = 1
                // The legacy annotation implies UTC; old readers see the same instants.
                if utc { convertedType = Self.convertedTimestampMillis }
            case .microseconds:
                timestampUnitID = 2
                if utc { convertedType = Self.convertedTimestampMicros }
            case .nanoseconds:
                timestampUnitID = 3
            }
        case nil:
            break
        }
    }

    init(root name: String, children: Int) {
        self.name = name
        numChildren = Int32(clamping: children)
    }

    init() {}

    /// The logical type recorded in this element, preferring LogicalType over the legacy converted type.
    var logicalType: ParquetColumn.LogicalType? {
        switch logicalTypeID {
        case Self.logicalString?, Self.logicalEnum?, Self.logicalJSON?:
            return .string
        case Self.logicalTimestamp?:
            let unit: ParquetColumn.TimeUnit
            switch timestampUnitID {
            case 1?: unit = .milliseconds
            case 2?: unit = .microseconds
            case 3?: unit = .nanoseconds
            default: return nil
            }
            return .timestamp(unit: unit, isAdjustedToUTC: timestampIsAdjustedToUTC ?? false)
        case nil:
            switch convertedType {
            case Self.convertedUTF8?, Self.convertedEnum?, Self.convertedJSON?: return .string
            case Self.convertedTimestampMillis?: return .timestamp(unit: .milliseconds, isAdjustedToUTC: true)
            case Self.convertedTimestampMicros?: return .timestamp(unit: .microseconds, isAdjustedToUTC: true)
            default: return nil
            }
        default:
            return nil
        }
    }

    func encode(to writer: inout ThriftCompactWriter) {
        writer.beginStruct()
        if let type { writer.field(1, i32: type) }
        if let repetition { writer.field(3, i32: repetition) }
        writer.field(4, string: name)
        if let numChildren { writer.field(5, i32: numChildren) }
        if let convertedType { writer.field(6, i32: convertedType) }
        if let logicalTypeID {
            writer.beginStructField(10)
            writer.beginStructField(logicalTypeID)
            if logicalTypeID == Self.logicalTimestamp, let timestampUnitID {
                writer.field(1, bool: timestampIsAdjustedToUTC ?? false)
                writer.beginStructField(2)
                writer.beginStructField(timestampUnitID)
                writer.endStruct()
                writer.endStruct()
            }
            writer.endStruct()
            writer.endStruct()
        }
        writer.endStruct()
    }

    static func decode(from reader: inout ThriftCompactReader) throws(ThriftDecodingError) -> SchemaElement {
        var element = SchemaElement()
        var sawName = false
        try reader.beginStruct()
        while let field = try reader.fieldHeader() {
            switch (field.id, field.type) {
            case (1, .i32): element.type = try reader.i32()
            case (3, .i32): element.repetition = try reader.i32()
            case (4, .binary):
                element.name = try reader.string()
                sawName = true
            case (5, .i32): element.numChildren = try reader.i32()
            case (6, .i32): element.convertedType = try reader.i32()
            case (10, .structure): try decodeLogicalType(into: &element, from: &reader)
            default: try reader.skip(field.type)
            }
        }
        reader.endStruct()
        guard sawName else { throw .missingField("SchemaElement.name") }
        return element
    }

    private static func decodeLogicalType(
        into element: inout SchemaElement, from reader: inout ThriftCompactReader
    ) throws(ThriftDecodingError) {
        try reader.beginStruct()
        while let field = try reader.fieldHeader() {
            guard field.type == .structure else {
                try reader.skip(field.type)
                continue
            }
            element.logicalTypeID = field.id
            guard field.id == logicalTimestamp else {
                try reader.skip(field.type)
                continue
            }
            try reader.beginStruct()
            while let inner = try reader.fieldHeader() {
                switch (inner.id, inner.type) {
                case (1, .booleanTrue), (1, .booleanFalse):
                    element.timestampIsAdjustedToUTC = try reader.bool(inner.type)
                case (2, .structure):
                    try reader.beginStruct()
                    while let unit = try reader.fieldHeader() {
                        element.timestampUnitID = unit.id
                        try reader.skip(unit.type)
                    }
                    reader.endStruct()
                default: try reader.skip(inner.type)
                }
            }
            reader.endStruct()
        }
        reader.endStruct()
    }
}
