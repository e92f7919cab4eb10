import BotData
import Foundation

extension CachePlan {
    /// Judges `selected` series in `store` as of `asOf` (epoch ms) and holds the result to `thresholds`
    /// (default: the environment's). `check-data-coverage` and `paper-precheck` both judge through here, so
    /// they always agree on a cache.
    ///
    /// - Throws: `OHLCVStoreError` when a partition or the manifest cannot be read; `CancellationError`.
    func coverage(
        of selected: [Series], in store: OHLCVStore, asOf: Int64, thresholds: CoverageThresholds? = nil
    ) async throws -> CoverageReport {
        let evaluator = CoverageEvaluator()
        var entries: [SeriesCoverage] = []
        for series in selected {
            try Task.checkCancellation()
            let key = try key(series)
            let openTimes = try await store.openTimes(series: key)
            entries.append(
                evaluator.evaluate(
                    exchange: key.exchange, symbol: key.symbol, interval: key.interval, openTimes: openTimes,
                    lookbackDays: series.lookbackDays, asOf: asOf))
        }
        return CoverageReport(entries: entries, asOf: asOf, thresholds: thresholds ?? self.thresholds)
    }
}
