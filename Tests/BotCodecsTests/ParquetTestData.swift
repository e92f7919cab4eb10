import BotCodecs
import Foundation
import TestSupport

/// Renders decoded columns the way `Tests/Oracles/parquet_common.py` renders Python values, so both
/// sides compare as exact strings (doubles by their IEEE bits).
enum ParquetRendering {
    static func render(_ data: ParquetColumnData) -> [String?] {
        let rendered: [String]
        switch data {
        case .int32(let values, _): rendered = values.map { String($0) }
        case .int64(let values, _): rendered = values.map { String($0) }
        case .double(let values, _): rendered = values.map(render)
        case .boolean(let values, _): rendered = values.map { $0 ? "true" : "false" }
        case .string(let values, _): rendered = values
        case .bytes(let values, _): rendered = values.map { "b:" + $0.map { String(format: "%02x", $0) }.joined() }
        }
        guard let validity = data.validity else { return rendered }
        return zip(rendered, validity).map { $1 ? $0 : nil }
    }

    static func render(_ value: Double) -> String {
        let hex = String(value.bitPattern, radix: 16)
        return "d:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Every row of every column, concatenated over the row groups (read one group at a time).
    static func readAll(_ reader: ParquetReader, columns: [String]? = nil) throws -> [String: [String?]] {
        var result: [String: [String?]] = [:]
        var cursor = reader.rowGroups(columns: columns)
        while let group = try cursor.next() {
            for (name, data) in group { result[name, default: []] += render(data) }
        }
        return result
    }

    /// Parses an oracle's JSON output.
    static func json(_ result: ProcessResult) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any] else {
            throw OracleOutputError(description: "oracle output is not a JSON object: \(result.outputText.prefix(500))")
        }
        return object
    }

    /// JSON column values (strings or nulls) as Swift optionals.
    static func values(_ any: Any?) -> [String?] {
        (any as? [Any] ?? []).map { $0 as? String }
    }
}

struct OracleOutputError: Error, CustomStringConvertible {
    let description: String
}

/// A deterministic table covering every supported physical type, optional columns with nulls, and a
/// TIMESTAMP(MILLIS, UTC) `open_time` column.
enum ParquetSampleTable {
    static let rows = 1000

    static let schema = ParquetSchema([
        .timestampMillis("open_time"),
        .int32("i32"),
        .int64("i64"),
        .double("f64"),
        .boolean("flag"),
        .string("name"),
        .int64("opt_i64", optional: true),
        .string("opt_str", optional: true),
        .double("opt_f64", optional: true),
        .boolean("opt_bool", optional: true),
        .int32("all_null", optional: true),
        ParquetColumn(name: "blob", physicalType: .byteArray, isOptional: true),
    ])

    static var columns: [ParquetColumnData] {
        let words = ["alpha", "beta", "gamma", "zażółć", "日本", "", "omega"]
        var f64 = (0..<rows).map { Double(($0 * 37) % 1000) / 8 - 60.5 }
        f64[3] = -0.0
        f64[4] = .nan
        f64[5] = .infinity
        f64[7] = Double.leastNonzeroMagnitude * 1000  // a subnormal
        return [
            .int64((0..<rows).map { 1_700_000_000_000 + Int64($0) * 60_000 }),
            .int32((0..<rows).map { Int32(($0 * 7919) % 2001 - 1000) }),
            .int64((0..<rows).map { Int64($0 * 104_729) * (1 << 33) - (1 << 60) }),
            .double(f64),
            .boolean((0..<rows).map { $0 % 3 == 0 }),
            .string((0..<rows).map { words[($0 * 5) % words.count] }),
            .int64((0..<rows).map { Int64($0 * 3) }, validity: (0..<rows).map { $0 % 4 != 1 }),
            .string((0..<rows).map { "s\($0 % 17)" }, validity: (0..<rows).map { $0 % 5 != 2 }),
            .double((0..<rows).map { Double($0) / 3 }, validity: (0..<rows).map { $0 % 6 != 0 }),
            .boolean((0..<rows).map { $0 % 2 == 0 }, validity: (0..<rows).map { $0 % 7 != 3 }),
            .int32([Int32](repeating: 0, count: rows), validity: [Bool](repeating: false, count: rows)),
            .bytes(
                (0..<rows).map { [UInt8(truncatingIfNeeded: $0), 0, 0xFF, UInt8($0 % 5)] },
                validity: (0..<rows).map { $0 % 9 != 4 }),
        ]
    }

    /// The rendered expected values, keyed by column name.
    static var rendered: [String: [String?]] {
        Dictionary(uniqueKeysWithValues: zip(schema.columns.map(\.name), columns.map(ParquetRendering.render)))
    }
}
