import BotRuntime
import Foundation
import Testing

@Suite("Redactor")
struct RedactorTests {
    @Test("registered secrets are hidden verbatim, URL-encoded and base64-encoded")
    func registeredSecrets() {
        let redactor = Redactor()
        let secret = "p@ss word/+=42"
        redactor.register(secret)
        let base64 = Data(secret.utf8).base64EncodedString()
        let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        for text in [
            "passphrase given: \(secret) (done)", "url ?x=\(encoded)&y=1", "blob \(base64) end",
            "form x=\(secret.replacingOccurrences(of: " ", with: "+"))",
        ] {
            let redacted = redactor.redact(text)
            #expect(!redacted.contains(secret) && !redacted.contains(base64) && !redacted.contains(encoded))
            #expect(redacted.contains("***"))
        }
        #expect(redactor.redact("the \(secret) here") == "the *** here")
    }

    @Test("a registered secret is hidden in its JSON-escaped form")
    func jsonEscaped() throws {
        let redactor = Redactor()
        let secret = "abc/def\"ghi"
        redactor.register(secret)
        let json = String(decoding: try JSONSerialization.data(withJSONObject: ["note": secret]), as: UTF8.self)
        #expect(redactor.redact(json) == #"{"note":"***"}"#)
    }

    @Test("secrets too short to tell apart from text are not registered")
    func shortSecrets() {
        let redactor = Redactor()
        redactor.register("")
        redactor.register("abc")
        #expect(redactor.redact("abc abc") == "abc abc")
    }

    @Test(
        "secret-carrying patterns are hidden whatever the value",
        arguments: [
            ("GET /api/v3/order?symbol=BTCUSDT&timestamp=1700000000000&signature=9f86d081884c7d65",
             "GET /api/v3/order?symbol=BTCUSDT&timestamp=1700000000000&signature=***"),
            ("X-MBX-APIKEY: vmPUZE6mv9SD5VNHk4HlWFsOr", "X-MBX-APIKEY: ***"),
            ("Authorization: Bearer eyJhbGciOi.xyz", "Authorization: ***"),
            ("API-Key: kraken-key\nAPI-Sign: c2lnbmF0dXJl\nother: 1", "API-Key: ***\nAPI-Sign: ***\nother: 1"),
            ("smtp://alerts:hunter2@mail.example.com:587", "smtp://alerts:***@mail.example.com:587"),
            ("https://user:pa%40ss@host/path?x=1", "https://user:***@host/path?x=1"),
            ("passphrase=correct-horse secret=abc token=t0k", "passphrase=*** secret=*** token=***"),
            (#"{"api_key": "abc123", "symbol": "BTC/USDT"}"#, #"{"api_key": "***", "symbol": "BTC/USDT"}"#),
            ("api_secret: s3cr3t", "api_secret: ***"),
            ("password=xyz&user=bob", "password=***&user=bob"),
        ])
    func patterns(text: String, expected: String) {
        #expect(Redactor().redact(text) == expected)
    }

    @Test(
        "ordinary text is left alone",
        arguments: [
            "fetched 500 candles for BTC/USDT 1h from 2024-01-01T00:00:00.000Z",
            "https://api.binance.com/api/v3/klines?symbol=BTCUSDT&interval=1h",
            "wrote /data/ohlcv_parquet/binance/BTCUSDT/1h/year=2024/month=01/data.parquet",
            "cache key: BTCUSDT::1d, keys=3, tokens=5",
            "config/core.yaml:42:7: environments.binance_paper.credential_purpose: unknown purpose 'tradee'",
        ])
    func ordinaryText(text: String) {
        #expect(Redactor().redact(text) == text)
    }
}
