import BotNet
import Foundation

/// A venue endpoint's answer before the server sends it: status, headers, body bytes, and how many candle
/// rows the body holds (for the statistics).
struct SimulatorReply: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
    var candles: Int

    /// A JSON answer.
    static func json(_ status: Int, _ body: [UInt8], candles: Int = 0) -> SimulatorReply {
        SimulatorReply(
            status: status, headers: ["Content-Type": "application/json;charset=UTF-8"], body: body, candles: candles)
    }

    /// A JSON answer from text.
    static func json(_ status: Int, _ text: String) -> SimulatorReply {
        json(status, Array(text.utf8))
    }

    var response: HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(body))
    }
}
