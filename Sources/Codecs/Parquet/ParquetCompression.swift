/// A Parquet compression codec. The writer and reader implement `uncompressed`, `snappy` and `gzip`;
/// the others are named so the metadata of any file can be described.
public enum ParquetCompression: Int32, Sendable, Hashable, CustomStringConvertible {
    case uncompressed = 0, snappy = 1, gzip = 2, lzo = 3, brotli = 4, lz4 = 5, zstd = 6, lz4Raw = 7

    public var description: String {
        switch self {
        case .uncompressed: "UNCOMPRESSED"
        case .snappy: "SNAPPY"
        case .gzip: "GZIP"
        case .lzo: "LZO"
        case .brotli: "BROTLI"
        case .lz4: "LZ4"
        case .zstd: "ZSTD"
        case .lz4Raw: "LZ4_RAW"
        }
    }
}

/// A Parquet value or level encoding, as named in ColumnMetaData and page headers.
public enum ParquetEncoding: Int32, Sendable, Hashable, CustomStringConvertible {
    case plain = 0, plainDictionary = 2, rle = 3, bitPacked = 4, deltaBinaryPacked = 5
    case deltaLengthByteArray = 6, deltaByteArray = 7, rleDictionary = 8, byteStreamSplit = 9

    public var description: String {
        switch self {
        case .plain: "PLAIN"
        case .plainDictionary: "PLAIN_DICTIONARY"
        case .rle: "RLE"
        case .bitPacked: "BIT_PACKED"
        case .deltaBinaryPacked: "DELTA_BINARY_PACKED"
        case .deltaLengthByteArray: "DELTA_LENGTH_BYTE_ARRAY"
        case .deltaByteArray: "DELTA_BYTE_ARRAY"
        case .rleDictionary: "RLE_DICTIONARY"
        case .byteStreamSplit: "BYTE_STREAM_SPLIT"
        }
    }
}
