import BotCodecs
import Foundation
import TestSupport
import Testing

/// pyarrow and DuckDB read the files we write; we read the files they write.
@Suite("Parquet interop with pyarrow and DuckDB")
struct ParquetInteropTests {
    struct Variant: Sendable {
        let name: String
        let options: ParquetWriteOptions
    }

    static let variants: [Variant] = {
        var variants: [Variant] = []
        for codec in [ParquetCompression.uncompressed, .snappy, .gzip] {
            for dictionary in [true, false] {
                variants.append(
                    Variant(
                        name: "ours_\(codec)_\(dictionary ? "dict" : "plain").parquet",
                        options: ParquetWriteOptions(
                            compression: codec, useDictionary: dictionary, rowGroupSize: 400, dataPageSize: 700,
                            keyValueMetadata: ["origin": "botcore-test", "codec": "\(codec)"])))
            }
        }
        variants.append(Variant(name: "ours_defaults.parquet", options: ParquetWriteOptions()))
        return variants
    }()

    @Test func pyarrowAndDuckDBReadEveryFileWeWrite() throws {
        try withTemporaryDirectory { folder in
            let paths = try Self.variants.map { variant in
                let url = folder.appendingPathComponent(variant.name)
                try ParquetWriter.write(
                    schema: ParquetSampleTable.schema, columns: ParquetSampleTable.columns, to: url,
                    options: variant.options)
                return url.path
            }
            let output = try ParquetRendering.json(Oracle.python("parquet_read.py", paths))
            let expected = ParquetSampleTable.rendered
            for (variant, path) in zip(Self.variants, paths) {
                let file = try #require(output[path] as? [String: Any], "no oracle output for \(variant.name)")
                let arrow = try #require(file["pyarrow"] as? [String: Any])
                let duck = try #require(file["duckdb"] as? [String: Any])
                let arrowColumns = try #require(arrow["columns"] as? [String: Any])
                let duckColumns = try #require(duck["columns"] as? [String: Any])
                for (name, values) in expected {
                    #expect(ParquetRendering.values(arrowColumns[name]) == values, "pyarrow \(variant.name) \(name)")
                    #expect(ParquetRendering.values(duckColumns[name]) == values, "DuckDB \(variant.name) \(name)")
                }
                let arrowTypes = (arrow["schema"] as? [[Any]] ?? []).map { "\($0[0]):\($0[1])" }
                #expect(
                    arrowTypes == [
                        "open_time:timestamp[ms, tz=UTC]", "i32:int32", "i64:int64", "f64:double", "flag:bool",
                        "name:string", "opt_i64:int64", "opt_str:string", "opt_f64:double", "opt_bool:bool",
                        "all_null:int32", "blob:binary",
                    ], "\(variant.name)")
                let duckTypes = (duck["schema"] as? [[Any]] ?? []).map { "\($0[0]):\($0[1])" }
                #expect(
                    duckTypes == [
                        "open_time:TIMESTAMP WITH TIME ZONE", "i32:INTEGER", "i64:BIGINT", "f64:DOUBLE",
                        "flag:BOOLEAN", "name:VARCHAR", "opt_i64:BIGINT", "opt_str:VARCHAR", "opt_f64:DOUBLE",
                        "opt_bool:BOOLEAN", "all_null:INTEGER", "blob:BLOB",
                    ], "\(variant.name)")
                let nullable = (arrow["schema"] as? [[Any]] ?? []).map { $0[2] as? Bool }
                #expect(nullable == [false, false, false, false, false, false, true, true, true, true, true, true])
                #expect(
                    arrow["key_value_metadata"] as? [String: String] == variant.options.keyValueMetadata,
                    "\(variant.name)")
                #expect((arrow["created_by"] as? String)?.hasPrefix("BotCodecs") == true)
                let groups = arrow["row_groups"] as? [[String: Any]] ?? []
                let expectedGroups =
                    (ParquetSampleTable.rows + variant.options.rowGroupSize - 1)
                    / variant.options.rowGroupSize
                #expect(groups.count == expectedGroups, "\(variant.name)")
                try checkStatistics(groups, variant: variant)
            }
        }
    }

    /// Statistics of each row group, as pyarrow reports them, against values computed here.
    private func checkStatistics(_ groups: [[String: Any]], variant: Variant) throws {
        let columns = ParquetSampleTable.columns
        var start = 0
        for group in groups {
            let rows = try #require(group["num_rows"] as? Int)
            let chunks = try #require(group["columns"] as? [[String: Any]])
            for (index, chunk) in chunks.enumerated() {
                let column = ParquetSampleTable.schema.columns[index]
                let range = start..<start + rows
                let (min, max, nulls) = Self.expectedStatistics(columns[index], range: range)
                let label = "\(variant.name) \(column.name) rows \(range)"
                #expect(chunk["null_count"] as? Int == nulls, "\(label)")
                #expect(chunk["has_min_max"] as? Bool == (min != nil), "\(label)")
                #expect(chunk["min"] as? String == min, "\(label)")
                #expect(chunk["max"] as? String == max, "\(label)")
                #expect(chunk["compression"] as? String == variant.options.compression.description, "\(label)")
                let encodings = chunk["encodings"] as? [String] ?? []
                let dictionary = variant.options.useDictionary && column.physicalType != .boolean && nulls < rows
                #expect(encodings.contains("RLE_DICTIONARY") == dictionary, "\(label) \(encodings)")
                #expect(chunk["has_dictionary_page"] as? Bool == dictionary, "\(label)")
            }
            start += rows
        }
    }

    /// Min, max (rendered like the oracle) and null count of `data` over `range`; NaN is skipped.
    static func expectedStatistics(_ data: ParquetColumnData, range: Range<Int>) -> (String?, String?, Int) {
        let validity = data.validity ?? [Bool](repeating: true, count: data.count)
        let present = range.filter { validity[$0] }
        let nulls = range.count - present.count
        func extremes<T>(_ values: [T], _ less: (T, T) -> Bool, _ render: (T) -> String) -> (String?, String?, Int) {
            let picked = present.map { values[$0] }
            guard let low = picked.min(by: less), let high = picked.max(by: less) else { return (nil, nil, nulls) }
            return (render(low), render(high), nulls)
        }
        switch data {
        case .int32(let values, _): return extremes(values, <) { String($0) }
        case .int64(let values, _): return extremes(values, <) { String($0) }
        case .boolean(let values, _): return extremes(values, { !$0 && $1 }) { $0 ? "true" : "false" }
        case .string(let values, _):
            return extremes(values, { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                "b:" + $0.utf8.map { String(format: "%02x", $0) }.joined()
            }
        case .double(let values, _):
            let (low, high, nulls) = extremes(
                values.map { $0.isNaN ? Double.infinity : $0 }, <, { ParquetRendering.render($0) })
            // -0.0 is the minimum and +0.0 the maximum when zero is an extreme, as the format asks.
            return (
                low == ParquetRendering.render(0.0) ? ParquetRendering.render(-0.0) : low,
                high == ParquetRendering.render(-0.0) ? ParquetRendering.render(0.0) : high, nulls
            )
        case .bytes(let values, _):
            return extremes(values, { $0.lexicographicallyPrecedes($1) }) {
                "b:" + $0.map { String(format: "%02x", $0) }.joined()
            }
        }
    }

    @Test func weReadFilesWrittenByPyarrowAndDuckDB() throws {
        try withTemporaryDirectory { folder in
            let output = try ParquetRendering.json(Oracle.python("parquet_make.py", [folder.path]))
            #expect(output.count >= 18, "the oracle wrote \(output.count) files")
            for (name, entry) in output.sorted(by: { $0.key < $1.key }) where !name.hasPrefix("unsupported") {
                let entry = try #require(entry as? [String: Any])
                let expected = try #require(entry["columns"] as? [String: Any])
                let reader = try ParquetReader(path: folder.appendingPathComponent(name).path)
                let actual = try ParquetRendering.readAll(reader)
                #expect(Set(actual.keys) == Set(expected.keys), "\(name)")
                for (column, values) in expected {
                    #expect(actual[column] == ParquetRendering.values(values), "\(name) column \(column)")
                }
                let types = (entry["schema"] as? [[String]] ?? []).map { $0[1] }
                for (column, type) in zip(reader.schema.columns, types) {
                    switch type {
                    case "string": #expect(column.logicalType == .string, "\(name) \(column.name)")
                    case "timestamp[ms, tz=UTC]":
                        #expect(
                            column.logicalType == .timestamp(unit: .milliseconds, isAdjustedToUTC: true),
                            "\(name) \(column.name)")
                    case "timestamp[us, tz=UTC]":
                        #expect(
                            column.logicalType == .timestamp(unit: .microseconds, isAdjustedToUTC: true),
                            "\(name) \(column.name)")
                    default: #expect(column.logicalType == nil, "\(name) \(column.name) \(type)")
                    }
                }
            }
            // Valid files with features we do not implement fail with a typed error naming the feature.
            for (name, feature) in [
                ("unsupported_delta.parquet", "DELTA_BINARY_PACKED"), ("unsupported_zstd.parquet", "ZSTD"),
            ] {
                let path = folder.appendingPathComponent(name).path
                do {
                    _ = try ParquetRendering.readAll(ParquetReader(path: path))
                    Issue.record("\(name) was read although it uses \(feature)")
                } catch let error as ParquetError {
                    guard case .unsupported(let errorPath, let description) = error else {
                        Issue.record("\(name): \(error)")
                        continue
                    }
                    #expect(errorPath == path)
                    #expect(description.contains(feature), "\(description)")
                }
            }
            // The Python original's cache layout: six float64 columns, snappy, dictionary pages.
            let cache = try ParquetReader(path: folder.appendingPathComponent("pa_cache.parquet").path)
            #expect(cache.schema.columns.map(\.name) == ["open_time", "open", "high", "low", "close", "volume"])
            #expect(cache.schema.columns.allSatisfy { $0.physicalType == .double })
            let chunk = try #require(cache.metadata.rowGroups.first?.columns.first)
            #expect(chunk.compression == .snappy)
            #expect(chunk.dictionaryPageOffset != nil)
            let openTime = try cache.readColumn("open_time", rowGroup: 0)
            guard case .double(let times, nil) = openTime else {
                Issue.record("open_time decoded as \(openTime)")
                return
            }
            #expect(times == (0..<744).map { Double(1_704_067_200_000 + Int64($0) * 3_600_000) })
        }
    }
}
