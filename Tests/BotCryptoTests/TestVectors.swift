import BotCrypto
import Foundation

/// Bytes from a hex literal in a test vector; a typo in a vector fails the test that uses it.
func hexBytes(_ text: String) -> [UInt8] {
    let compact = text.filter { !$0.isWhitespace }
    guard let bytes = Hex.decode(compact) else { return Array("invalid hex literal in test: \(text)".utf8) }
    return bytes
}

func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }
