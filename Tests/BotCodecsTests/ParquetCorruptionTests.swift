import BotCodecs
import Foundation
import TestSupport
import Testing

/// Damaged files never crash, hang or allocate without bound: each of 1,000 deterministic truncations
/// and bit flips either decodes to the original values or throws a ParquetError.
@Suite("Parquet reader on corrupt files")
struct ParquetCorruptionTests {
    enum Outcome: Hashable {
        case correct, error, differentData
    }

    @Test func survivesTruncationsAndBitFlips() throws {
        let optionSets = [
            ParquetWriteOptions(compression: .snappy, useDictionary: true, rowGroupSize: 90, dataPageSize: 200),
            ParquetWriteOptions(compression: .gzip, useDictionary: false, rowGroupSize: 150, dataPageSize: 300),
            ParquetWriteOptions(compression: .uncompressed, useDictionary: true, rowGroupSize: 200, dataPageSize: 400),
        ]
        let rows = 200
        let columns = ParquetSampleTable.columns.map { Self.prefix($0, rows) }
        let files = try optionSets.map {
            try ParquetWriter.encode(schema: ParquetSampleTable.schema, columns: columns, options: $0)
        }
        let expected = columns.map(Self.normalized)
        var generator = SeededGenerator(seed: 20_240_101)
        var outcomes: [Outcome: Int] = [:]
        for iteration in 0..<1000 {
            let original = files[iteration % files.count]
            var mutated = original
            let footerLength = Int(original[original.count - 8]) | Int(original[original.count - 7]) << 8
            let footerStart = original.count - 8 - footerLength
            var touchedFooter = false
            switch generator.next() % 10 {
            case 0, 1, 2:
                let cut = Int(generator.next() % UInt64(original.count))
                mutated = Array(original[..<cut])
            case 3, 4, 5, 6:
                // Half the flips land in the footer, where most structure lives.
                for _ in 0..<Int(generator.next() % 3 + 1) {
                    let inFooter = generator.next() % 2 == 0
                    let position =
                        inFooter
                        ? footerStart + Int(generator.next() % UInt64(footerLength))
                        : Int(generator.next() % UInt64(original.count))
                    touchedFooter = touchedFooter || position >= footerStart
                    mutated[position] ^= 1 << UInt8(generator.next() % 8)
                }
            default:
                let start = Int(generator.next() % UInt64(original.count))
                let length = min(Int(generator.next() % 16 + 1), original.count - start)
                for offset in 0..<length { mutated[start + offset] = UInt8(truncatingIfNeeded: generator.next()) }
                touchedFooter = start + length > footerStart
            }
            let outcome = Self.read(mutated, expected: expected)
            outcomes[outcome, default: 0] += 1
            if outcome == .differentData {
                // Only the footer carries no checksum; page damage must be caught by the page CRC.
                #expect(touchedFooter, "iteration \(iteration): damaged pages decoded to different data")
            }
        }
        #expect(outcomes[.error, default: 0] > 500, "\(outcomes)")
        #expect(outcomes[.differentData, default: 0] < 50, "\(outcomes)")
    }

    private static func read(_ bytes: [UInt8], expected: [[String?]]) -> Outcome {
        do {
            let reader = try ParquetReader(
                bytes: bytes, name: "fuzz.parquet",
                options: ParquetReaderOptions(maxFooterSize: 1 << 20, maxPageSize: 1 << 22, maxRowGroupRows: 1 << 16))
            var decoded = [[String?]](repeating: [], count: reader.schema.columns.count)
            for group in 0..<reader.rowGroupCount {
                let values = try reader.readRowGroup(group)
                for (index, column) in reader.schema.columns.enumerated() {
                    decoded[index] += values[column.name].map(normalized) ?? []
                }
            }
            return decoded == expected ? .correct : .differentData
        } catch {
            // Typed throws: anything caught here is a ParquetError.
            return .error
        }
    }

    /// Rendered values with strings and bytes alike, so a damaged annotation alone is not a difference.
    private static func normalized(_ data: ParquetColumnData) -> [String?] {
        if case .string(let values, let validity) = data {
            return ParquetRendering.render(.bytes(values.map { Array($0.utf8) }, validity: validity))
        }
        return ParquetRendering.render(data)
    }

    private static func prefix(_ data: ParquetColumnData, _ count: Int) -> ParquetColumnData {
        let validity = data.validity.map { Array($0.prefix(count)) }
        switch data {
        case .int32(let values, _): return .int32(Array(values.prefix(count)), validity: validity)
        case .int64(let values, _): return .int64(Array(values.prefix(count)), validity: validity)
        case .double(let values, _): return .double(Array(values.prefix(count)), validity: validity)
        case .boolean(let values, _): return .boolean(Array(values.prefix(count)), validity: validity)
        case .string(let values, _): return .string(Array(values.prefix(count)), validity: validity)
        case .bytes(let values, _): return .bytes(Array(values.prefix(count)), validity: validity)
        }
    }
}
