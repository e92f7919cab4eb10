import BotCrypto
import Foundation
import Testing

@Suite struct HexTests {
    @Test func encodesLowercaseTwoCharactersPerByte() {
        #expect(Hex.encode([0x00, 0x0f, 0xa5, 0xff]) == "000fa5ff")
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.encode(Data([0xde, 0xad, 0xbe, 0xef])) == "deadbeef")
    }

    @Test func decodesEitherCase() {
        #expect(Hex.decode("000fA5Ff") == [0x00, 0x0f, 0xa5, 0xff])
        #expect(Hex.decode("") == [])
    }

    @Test(arguments: ["abc", "0g", "zz", " 00", "00 ", "0x00", "é0"])
    func rejectsMalformedText(text: String) {
        #expect(Hex.decode(text) == nil)
    }

    @Test func roundTripsEveryByteValue() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(Hex.decode(Hex.encode(bytes)) == bytes)
    }
}
