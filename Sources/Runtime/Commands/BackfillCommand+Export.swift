import BotCrypto
import BotData
import BotExchanges
import Foundation

extension BackfillCommand {
    /// Writes each series as `SYMBOL__TF__tStart_tEnd.csv` in `folder` and records the file in the ledger
    /// by the SHA-256 of its bytes; a file whose content was already delivered is removed again (seed 003).
    func exportCSV(
        requests: [BackfillRequest], store: OHLCVStore, into folder: String, now: Int64
    ) async throws -> [BackfillReport.CSVExport] {
        let directory = URL(fileURLWithPath: folder, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ToolExit(code: 1, message: "--export-csv: cannot create \(folder): \(error.localizedDescription)")
        }
        var exports: [BackfillReport.CSVExport] = []
        for request in requests {
            let series = request.series
            let times = try await store.openTimes(series: series, from: request.start, to: request.end ?? now)
            guard let first = times.first, let last = times.last else { continue }
            let name = "\(series.symbol)__\(series.interval)__\(first)_\(last).csv"
            let target = directory.appendingPathComponent(name)
            // Written under a temporary name first, so an identical delivered file is never touched.
            let temporary = directory.appendingPathComponent(".\(name).tmp-\(UUID().uuidString)")
            let rows = try await store.exportCSV(series: series, from: first, to: last + 1, into: temporary)
            let bytes: Data
            do {
                bytes = try Data(contentsOf: temporary)
            } catch {
                throw ToolExit(
                    code: 1, message: "--export-csv: cannot read back \(temporary.path): \(error.localizedDescription)")
            }
            var hash = SHA256()
            bytes.withUnsafeBytes { hash.update($0) }
            let key = Hex.encode(hash.finalize())
            if try await store.hasSegment(contentKey: key) {
                try? FileManager.default.removeItem(at: temporary)
                exports.append(.init(series: series, path: target.path, rows: rows, duplicate: true))
                continue
            }
            _ = try? FileManager.default.removeItem(at: target)
            do {
                try FileManager.default.moveItem(at: temporary, to: target)
            } catch {
                throw ToolExit(
                    code: 1, message: "--export-csv: cannot write \(target.path): \(error.localizedDescription)")
            }
            let segment = LedgerSegment(
                contentKey: key, series: series, rangeStart: first, rangeEnd: series.interval.next(after: last),
                rows: rows, kind: .csv, path: target.path, createdAt: now)
            let recorded = try await store.recordSegment(segment)
            exports.append(.init(series: series, path: target.path, rows: rows, duplicate: !recorded))
        }
        return exports
    }
}
