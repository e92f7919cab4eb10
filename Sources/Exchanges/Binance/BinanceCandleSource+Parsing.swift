import BotNet
import Foundation

extension BinanceCandleSource {
    /// Binance's error code for a symbol it does not list.
    static let invalidSymbolCode: Int64 = -1121

    /// The candles in a klines answer, or the error its `{"code":…,"msg":…}` body states.
    func parse(_ response: HTTPResponse, symbol: String) throws(MarketDataError) -> [Candle] {
        let body = response.body
        guard let json = JSONValue(parsing: body) else {
            if response.status >= 400 {
                throw .httpStatus(
                    venue: venue, symbol: symbol, path: path, status: response.status,
                    bodyExcerpt: MarketDataConnection.excerpt(body))
            }
            throw connection.malformed("the body is not JSON", symbol: symbol, path: path, body: body)
        }
        if response.status >= 400 || json.object != nil {
            let code = json["code"]?.int64
            let message = json["msg"]?.string ?? MarketDataConnection.excerpt(body)
            if code == Self.invalidSymbolCode {
                throw .unknownSymbol(venue: venue, symbol: symbol, path: path, venueMessage: "\(code ?? 0) \(message)")
            }
            let codeText = code.map { "code \($0): " } ?? ""
            throw .venueError(
                venue: venue, symbol: symbol, path: path, status: response.status, message: codeText + message)
        }
        guard let rows = json.array else {
            throw connection.malformed(
                "expected an array of klines, got \(json.brief)", symbol: symbol, path: path, body: body)
        }
        var candles: [Candle] = []
        candles.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            guard let fields = row.array, fields.count >= 6 else {
                throw connection.malformed(
                    "kline \(index) is \(row.brief), not an array of at least 6 fields", symbol: symbol, path: path,
                    body: body)
            }
            guard let openTime = fields[0].int64 else {
                throw connection.malformed(
                    "kline \(index) open time is \(fields[0].brief), not milliseconds", symbol: symbol, path: path,
                    body: body)
            }
            var values: [Double] = []
            for (offset, name) in ["open", "high", "low", "close", "volume"].enumerated() {
                guard let value = fields[offset + 1].double else {
                    throw connection.malformed(
                        "kline \(index) \(name) is \(fields[offset + 1].brief), not a decimal number", symbol: symbol,
                        path: path, body: body)
                }
                values.append(value)
            }
            candles.append(
                Candle(
                    openTime: openTime, open: values[0], high: values[1], low: values[2], close: values[3],
                    volume: values[4]))
        }
        return candles
    }
}
