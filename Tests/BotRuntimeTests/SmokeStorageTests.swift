import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("StorageCheck")
struct SmokeStorageTests {
    @Test("a threshold larger than any disk reports low, with the free and threshold figures")
    func low() throws {
        try withTemporaryDirectory { folder in
            let status = StorageCheck.measure(directory: folder, minimumFreeMB: 1e12)
            #expect(status.status == .low)
            #expect(status.isLow)
            #expect(status.thresholdBytes == UInt64(1e12 * 1_048_576))
            let free = try #require(status.freeBytes)
            #expect(free > 0 && free < status.thresholdBytes!)
            #expect((status.totalBytes ?? 0) >= free)
            #expect(status.error == nil)
        }
    }

    @Test("no threshold or a negative one (clamped to 0) is ok")
    func ok() throws {
        withTemporaryDirectory { folder in
            let none = StorageCheck.measure(directory: folder, minimumFreeMB: nil)
            #expect(none.status == .ok)
            #expect(none.thresholdBytes == nil && none.thresholdMB == nil)
            let negative = StorageCheck.measure(directory: folder, minimumFreeMB: -5)
            #expect(negative.status == .ok)
            #expect(negative.thresholdBytes == 0)
            #expect(negative.freeMB == (Double(negative.freeBytes!) / 1_048_576 * 100).rounded() / 100)
        }
    }

    @Test("a folder that cannot be queried is unknown, with the reason")
    func unknown() throws {
        withTemporaryDirectory { folder in
            let missing = folder.appendingPathComponent("missing")
            let status = StorageCheck.measure(directory: missing, minimumFreeMB: 10)
            #expect(status.status == .unknown)
            #expect(status.freeBytes == nil)
            #expect(status.error?.contains(missing.path) == true)
        }
    }
}
