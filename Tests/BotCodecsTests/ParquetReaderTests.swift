import BotCodecs
import Foundation
import TestSupport
import Testing

@Suite("Parquet reader and writer round trips")
struct ParquetReaderTests {
    static let optionSets: [ParquetWriteOptions] = [
        ParquetWriteOptions(),
        ParquetWriteOptions(compression: .uncompressed, useDictionary: false, rowGroupSize: 333, dataPageSize: 100),
        ParquetWriteOptions(compression: .gzip, useDictionary: true, rowGroupSize: 128, dataPageSize: 64),
        ParquetWriteOptions(compression: .snappy, useDictionary: true, dictionaryPageSizeLimit: 64),
    ]

    @Test(arguments: optionSets.indices) func roundTripsInMemory(_ index: Int) throws {
        let options = Self.optionSets[index]
        let bytes = try ParquetWriter.encode(
            schema: ParquetSampleTable.schema, columns: ParquetSampleTable.columns, options: options)
        let reader = try ParquetReader(bytes: bytes)
        #expect(reader.schema == ParquetSampleTable.schema)
        #expect(reader.metadata.numRows == Int64(ParquetSampleTable.rows))
        #expect(reader.rowGroupCount == (ParquetSampleTable.rows + options.rowGroupSize - 1) / options.rowGroupSize)
        #expect(try ParquetRendering.readAll(reader) == ParquetSampleTable.rendered)
    }

    @Test func readsSelectedColumnsAndExposesMetadata() throws {
        let options = ParquetWriteOptions(rowGroupSize: 400, keyValueMetadata: ["symbol": "BTCUSDT", "empty": ""])
        let bytes = try ParquetWriter.encode(
            schema: ParquetSampleTable.schema, columns: ParquetSampleTable.columns, options: options)
        let reader = try ParquetReader(bytes: bytes)
        let group = try reader.readRowGroup(1, columns: ["name", "opt_f64"])
        #expect(Set(group.keys) == ["name", "opt_f64"])
        #expect(group["name"].map(ParquetRendering.render) == Array(ParquetSampleTable.rendered["name"]![400..<800]))
        #expect(reader.metadata.keyValueMetadata == ["symbol": "BTCUSDT", "empty": ""])
        #expect(reader.metadata.createdBy == options.createdBy)
        let chunk = reader.metadata.rowGroups[0].columns[0]
        #expect(chunk.pathInSchema == ["open_time"])
        #expect(chunk.compression == .snappy)
        #expect(chunk.statistics?.min(as: .int64) == .int64(1_700_000_000_000))
        #expect(chunk.statistics?.max(as: .int64) == .int64(1_700_000_000_000 + 399 * 60_000))
        #expect(chunk.statistics?.nullCount == 0)
        let optional = reader.metadata.rowGroups[0].columns[6]
        #expect(optional.statistics?.nullCount == 100)
        #expect(throws: ParquetError.columnNotFound(path: "<in-memory Parquet>", name: "nope")) {
            try reader.readRowGroup(0, columns: ["nope"])
        }
        #expect(throws: ParquetError.rowGroupOutOfRange(path: "<in-memory Parquet>", index: 3, count: 3)) {
            try reader.readRowGroup(3)
        }
    }

    @Test func writesAtomicallyToAPathAndReadsItBack() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("data.parquet")
            try Data("old contents".utf8).write(to: url)
            try ParquetWriter.write(schema: ParquetSampleTable.schema, columns: ParquetSampleTable.columns, to: url)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["data.parquet"])
            let reader = try ParquetReader(path: url.path)
            #expect(try ParquetRendering.readAll(reader) == ParquetSampleTable.rendered)
            let missing = folder.appendingPathComponent("absent/data.parquet").path
            #expect(throws: ParquetError.self) { try ParquetReader(path: missing) }
            #expect(throws: ParquetError.self) {
                try ParquetWriter.write(
                    schema: ParquetSampleTable.schema, columns: ParquetSampleTable.columns,
                    to: URL(fileURLWithPath: missing))
            }
        }
    }

    @Test func fallsBackToPlainWhenTheDictionaryGrowsTooLarge() throws {
        let schema = ParquetSchema([.double("unique"), .string("repeated")])
        let columns: [ParquetColumnData] = [
            .double((0..<5000).map { Double($0) * 1.5 }), .string((0..<5000).map { "v\($0 % 3)" }),
        ]
        let bytes = try ParquetWriter.encode(
            schema: schema, columns: columns, options: ParquetWriteOptions(dictionaryPageSizeLimit: 1024))
        let reader = try ParquetReader(bytes: bytes)
        let chunks = reader.metadata.rowGroups[0].columns
        #expect(chunks[0].encodings == [.plain])
        #expect(chunks[0].dictionaryPageOffset == nil)
        #expect(chunks[1].encodings == [.plain, .rleDictionary])
        #expect(chunks[1].dictionaryPageOffset != nil)
        #expect(try reader.readRowGroup(0) == ["unique": columns[0], "repeated": columns[1]])
    }

    @Test func writesAndReadsAnEmptyTable() throws {
        let schema = ParquetSchema([.timestampMillis("open_time"), .string("note", optional: true)])
        let bytes = try ParquetWriter.encode(schema: schema, columns: [.int64([]), .string([], validity: [])])
        let reader = try ParquetReader(bytes: bytes)
        #expect(reader.metadata.numRows == 0)
        let group = try reader.readRowGroup(0)
        #expect(group["open_time"] == .int64([]))
        #expect(group["note"]?.count == 0)
    }

    @Test func refusesInconsistentInput() {
        let schema = ParquetSchema([.int64("a"), .double("b")])
        #expect(throws: ParquetError.self) { try ParquetWriter.encode(schema: schema, columns: [.int64([1])]) }
        #expect(throws: ParquetError.self) {
            try ParquetWriter.encode(schema: schema, columns: [.int64([1, 2]), .double([1])])
        }
        #expect(throws: ParquetError.self) {
            try ParquetWriter.encode(schema: schema, columns: [.int64([1]), .int64([1])])
        }
        #expect(throws: ParquetError.self) {
            try ParquetWriter.encode(schema: schema, columns: [.int64([1], validity: [false]), .double([1])])
        }
        #expect(throws: ParquetError.self) {
            try ParquetWriter.encode(
                schema: ParquetSchema([.int64("a"), .int64("a")]), columns: [.int64([]), .int64([])])
        }
    }

    @Test func explainsFilesThatAreNotParquet() throws {
        let valid = try ParquetWriter.encode(schema: ParquetSampleTable.schema, columns: ParquetSampleTable.columns)
        let path = "/var/data/BTCUSDT/1d/year=2024/month=01/data.parquet"
        do {
            _ = try ParquetReader(bytes: Array(valid.dropLast(10)), name: path)
            Issue.record("a truncated file was accepted")
        } catch {
            #expect(error == .notParquet(path: path, reason: "no PAR1 magic at the end"))
            #expect(error.description.contains(path))
            #expect(error.description.contains("truncated"))
            #expect(error.description.contains("re-run the backfill"))
        }
        #expect(
            throws: ParquetError.notParquet(
                path: path, reason: "only 3 bytes, too short for a Parquet header and footer")
        ) {
            try ParquetReader(bytes: [1, 2, 3], name: path)
        }
        var badStart = valid
        badStart[0] = 0
        #expect(throws: ParquetError.notParquet(path: path, reason: "no PAR1 magic at the start")) {
            try ParquetReader(bytes: badStart, name: path)
        }
        var hugeFooter = valid
        hugeFooter.replaceSubrange(hugeFooter.count - 8..<hugeFooter.count - 4, with: [0xFF, 0xFF, 0xFF, 0x7F])
        #expect(throws: ParquetError.self) { try ParquetReader(bytes: hugeFooter, name: path) }
    }

    /// Wraps a hand-made footer in magic and length so only the footer is hostile.
    private static func file(footer: [UInt8]) -> [UInt8] {
        let length = UInt32(footer.count)
        return Array("PAR1".utf8) + footer + (0..<4).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) }
            + Array("PAR1".utf8)
    }

    @Test func boundsHostileFooters() {
        // An unknown field nesting structs 100,000 deep: skipping it must stop at the depth limit
        // instead of exhausting the stack.
        let deep =
            [0x0C, 0xC8, 0x01] + [UInt8](repeating: 0x1C, count: 100_000) + [UInt8](repeating: 0, count: 100_001)
        do {
            _ = try ParquetReader(bytes: Self.file(footer: deep), name: "deep.parquet")
            Issue.record("a footer nested 100,000 deep was accepted")
        } catch {
            guard case .corruptFooter(let path, _, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == "deep.parquet")
            #expect(reason.contains("nested too deeply"))
        }
        // A schema list claiming 2^31 elements in a 10-byte footer is refused before allocating.
        let hugeList: [UInt8] = [0x29, 0xFC, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00, 0x00, 0x00]
        #expect(throws: ParquetError.self) { try ParquetReader(bytes: Self.file(footer: hugeList)) }
        // A string claiming 4 GiB.
        let hugeString: [UInt8] = [0x16, 0x02, 0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00]
        #expect(throws: ParquetError.self) { try ParquetReader(bytes: Self.file(footer: hugeString)) }
        // Varints that never end, field ids that overflow, and an empty footer.
        #expect(throws: ParquetError.self) {
            try ParquetReader(bytes: Self.file(footer: [0x15] + [UInt8](repeating: 0xFF, count: 40)))
        }
        #expect(throws: ParquetError.self) {
            try ParquetReader(bytes: Self.file(footer: [UInt8](repeating: 0xF5, count: 5000) + [0]))
        }
        #expect(throws: ParquetError.self) { try ParquetReader(bytes: Self.file(footer: [])) }
    }

    @Test func refusesRowGroupsOverTheConfiguredLimit() throws {
        let bytes = try ParquetWriter.encode(schema: ParquetSchema([.int32("a")]), columns: [.int32(Array(0..<100))])
        #expect(
            throws: ParquetError.limitExceeded(
                path: "<in-memory Parquet>", what: "a row group of 100 rows", value: 100, limit: 50)
        ) {
            try ParquetReader(bytes: bytes, options: ParquetReaderOptions(maxRowGroupRows: 50))
        }
    }
}
