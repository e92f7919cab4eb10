import BotCodecs
import BotExchanges
import Foundation
import TestSupport
import Testing

@testable import BotExecution

@Suite struct ExecutionLedgerTests {
    let context = PaperFixtures.context

    @Test func fileLedgerReadsBackTheRecordsKeptInMemory() async throws {
        try await withTemporaryDirectory { directory in
            let storage = LedgerStorage.files(directory: directory, fsync: true)
            let service = PaperFixtures.service(ledger: storage)
            _ = try await service.updateMarket(symbol: "BTCUSDT", .price(20_000), timestamp: 0)
            _ = try await service.execute(
                OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.5, clientOrderID: "cli-1"), context: context)
            _ = try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0), context: context)
            try await service.flush()

            let files = await service.ledgerFiles()
            #expect(files.map(\.lastPathComponent) == ["ledger-20231114.jsonl"])
            let contents = try JSONLinesReader.read(LedgerRecord.self, from: try #require(files.first))
            let records = await service.ledgerRecords()
            #expect(contents.records == records)
            #expect(contents.partialFinalLine == nil)

            let filled = try #require(records.first)
            let fill = 20_000 * (1 + 5.0 / 10_000)
            #expect(
                filled
                    == LedgerRecord(
                        timestamp: PaperFixtures.start, orderID: "paper-1", clientOrderID: "cli-1", symbol: "BTCUSDT",
                        side: .buy, type: .market, quantity: 0.5, price: fill, fee: 0.5 * fill * 0.0006,
                        feeAsset: "USDT", status: .filled, liquidity: .taker, leverage: 1, positionValue: 0.5 * fill,
                        realizedPnL: 0, reason: nil, portfolioID: "paper-1", riskProfile: "balanced",
                        environment: "binance_paper"))
            #expect(records.last?.status == .rejected)
        }
    }

    @Test func everyLineCarriesTheSameKeysWithNullsForWhatDoesNotApply() async throws {
        try await withTemporaryDirectory { directory in
            let service = PaperFixtures.service(ledger: .files(directory: directory))
            _ = try await service.execute(
                OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.5, price: 20_000), context: context)
            try await service.flush()
            let text = try String(contentsOf: try #require(await service.ledgerFiles().first), encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(
                Set(object.keys) == [
                    "timestamp", "order_id", "client_order_id", "symbol", "side", "type", "quantity", "price", "fee",
                    "fee_asset", "status", "liquidity", "leverage", "position_value", "realized_pnl", "reason",
                    "portfolio_id", "risk_profile", "environment",
                ])
            #expect(object["client_order_id"] is NSNull && object["reason"] is NSNull)
            #expect(object["timestamp"] as? Int == Int(PaperFixtures.start))
            #expect(line.hasPrefix("{\"client_order_id\":null,\"environment\":\"binance_paper\","))
        }
    }

    @Test func retentionKeepsOnlyTheNewestDaysFiles() async throws {
        try await withTemporaryDirectory { directory in
            let unrelated = directory.appending(path: "notes.txt")
            try Data("keep".utf8).write(to: unrelated)
            let clock = ManualClock()
            let service = PaperFixtures.service(
                ledger: .files(directory: directory, retentionDays: 2), clock: clock)
            for day in 1...4 {
                clock.set(UTCDateTime.days(fromYear: 2024, month: 1, day: Int64(day)) * UTCDateTime.millisecondsPerDay)
                _ = try await service.execute(
                    OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.01, price: 20_000), context: context)
            }
            try await service.flush()
            #expect(
                await service.ledgerFiles().map(\.lastPathComponent) == [
                    "ledger-20240103.jsonl", "ledger-20240104.jsonl",
                ])
            #expect(FileManager.default.fileExists(atPath: unrelated.path))
            #expect(await service.ledgerRecords().count == 4)
        }
    }

    @Test func patternNamesAndRecognisesDailyFiles() throws {
        let pattern = try #require(LedgerFilePattern("fills_%Y-%m-%d_%%.jsonl"))
        let day = UTCDateTime.days(fromYear: 2024, month: 2, day: 29)
        #expect(pattern.fileName(forDay: day) == "fills_2024-02-29_%.jsonl")
        #expect(pattern.day(ofFileName: "fills_2024-02-29_%.jsonl") == day)
        #expect(pattern.day(ofFileName: "fills_2023-02-29_%.jsonl") == nil)
        #expect(pattern.day(ofFileName: "fills_2024-02-29.jsonl") == nil)
        #expect(LedgerFilePattern.standard.day(ofFileName: "ledger-20240101.jsonl.bak") == nil)
        #expect(LedgerFilePattern("ledger-%Y%m.jsonl") == nil)
        #expect(LedgerFilePattern("ledger-%H%Y%m%d.jsonl") == nil)
        #expect(LedgerFilePattern("a/ledger-%Y%m%d.jsonl") == nil)
    }

    @Test func unwritableDirectoryFailsTheCallNamingThePath() async throws {
        try await withTemporaryDirectory { directory in
            let blocker = directory.appending(path: "not-a-directory")
            try Data().write(to: blocker)
            let service = PaperFixtures.service(ledger: .files(directory: blocker.appending(path: "ledger")))
            let request = OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.1, price: 20_000)
            let error = await #expect(throws: ExecutionError.self) {
                try await service.execute(request, context: context)
            }
            guard case .ledgerWriteFailed(let path, _) = error else {
                Issue.record("expected ledgerWriteFailed, got \(String(describing: error))")
                return
            }
            #expect(path.hasSuffix("not-a-directory/ledger/ledger-20231114.jsonl"))
            #expect(error?.description.contains("cannot write the execution ledger") == true)
        }
    }
}
