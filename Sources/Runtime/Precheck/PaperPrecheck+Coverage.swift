import BotData
import BotExchanges
import Foundation

extension PaperPrecheck {
    /// What the coverage section found: the section (nil when skipped), its status and the warnings about
    /// what could not be checked.
    struct CoverageOutcome {
        var coverage: PrecheckCoverage?
        var status: PrecheckSectionStatus
        var warnings: [String]
        /// The manifest as shown in the report (relative paths stay relative).
        var manifestPath: String?
        /// Set when the options themselves are unusable; the report is then an error.
        var errorReason: String?
    }

    /// Plans the series the environment needs, narrows them by the options, and judges the cache as of
    /// `options.asOf` through the same path as `check-data-coverage`.
    /// - Throws: ``PrecheckError`` when the cache cannot be read; `CancellationError`.
    func coverage(for environment: EnvironmentConfig) async throws -> CoverageOutcome {
        var outcome = CoverageOutcome(status: .skipped, warnings: [])
        if let ratio = options.minOkRatio, !(0...1).contains(ratio) {
            outcome.warnings.append("invalid_min_ok_ratio")
            outcome.errorReason = "invalid_min_ok_ratio"
            return outcome
        }
        if let gap = options.maxGapMinutes, !(gap.isFinite && gap >= 0) {
            outcome.warnings.append("invalid_max_gap_minutes")
            outcome.errorReason = "invalid_max_gap_minutes"
            return outcome
        }

        let cacheRoot: String
        if let manifest = options.manifestPath {
            guard (manifest as NSString).lastPathComponent == OHLCVStore.manifestName else {
                throw PrecheckError.unsupportedManifest(path: manifest)
            }
            outcome.manifestPath = manifest
            cacheRoot = (resolve(manifest) as NSString).deletingLastPathComponent
        } else {
            outcome.manifestPath = (environment.dataCachePath as NSString)
                .appendingPathComponent(OHLCVStore.manifestName)
            cacheRoot = resolve(environment.dataCachePath)
        }
        let root = URL(fileURLWithPath: cacheRoot).standardized.path

        let plan: CachePlan
        do {
            plan = try CachePlan.plan(config: config, environment: environment, configPath: configPath, cacheRoot: root)
        } catch {
            switch error {
            case .noUniverse: outcome.warnings.append("environment_missing_universe")
            case .unknownUniverse: outcome.warnings.append("universe_not_defined")
            case .noSymbols: outcome.warnings.append("universe_has_no_symbols_on_exchange")
            }
            return outcome
        }
        let thresholds = self.thresholds(plan.thresholds, warnings: &outcome.warnings)

        let (selected, selectionIssues) = select(from: plan)
        guard selectionIssues.isEmpty else {
            outcome.coverage = PrecheckCoverage(
                status: .error, issues: selectionIssues, report: nil, thresholds: thresholds)
            outcome.status = .error
            return outcome
        }

        let manifest = URL(fileURLWithPath: root).appendingPathComponent(OHLCVStore.manifestName).path
        guard FileManager.default.fileExists(atPath: manifest) else {
            outcome.warnings.append("manifest_missing")
            return outcome
        }
        let report: CoverageReport
        do {
            let store = try await OHLCVStore.open(root: URL(fileURLWithPath: root), readOnly: true)
            report = try await plan.coverage(of: selected, in: store, asOf: options.asOf, thresholds: thresholds)
        } catch let error as OHLCVStoreError {
            // Removed between the existence check and the open: as missing as if it never existed.
            if case .manifestMissing = error {
                outcome.warnings.append("manifest_missing")
                return outcome
            }
            throw PrecheckError.cacheUnreadable(error)
        }
        let status = PrecheckStatus(rawValue: report.status.rawValue) ?? .error
        outcome.coverage = PrecheckCoverage(
            status: status, issues: report.issues + report.thresholdIssues, report: report, thresholds: thresholds)
        outcome.status = PrecheckSectionStatus(status)
        return outcome
    }

    /// The environment's thresholds with the options' overrides; values a check cannot use are dropped with
    /// a warning naming the field.
    private func thresholds(_ configured: CoverageThresholds, warnings: inout [String]) -> CoverageThresholds {
        var maxGap = configured.maxGapMinutes
        if let value = maxGap, !(value.isFinite && value >= 0) {
            warnings.append("invalid_max_gap_in_config")
            maxGap = nil
        }
        var minRatio = configured.minOkRatio
        if let value = minRatio, !(0...1).contains(value) {
            warnings.append("invalid_min_ok_ratio_in_config")
            minRatio = nil
        }
        return CoverageThresholds(
            maxGapMinutes: options.maxGapMinutes ?? maxGap, minOkRatio: options.minOkRatio ?? minRatio)
    }

    /// The planned series narrowed by `options.symbols` (instrument names or exchange symbols, any case)
    /// and `options.intervals`; names the environment does not need are the coverage section's errors.
    private func select(from plan: CachePlan) -> ([CachePlan.Series], [String]) {
        var issues: [String] = []
        var wanted: Set<String>?
        if !options.symbols.isEmpty {
            var resolved: Set<String> = []
            var unknown: [String] = []
            for token in options.symbols {
                let upper = token.trimmingCharacters(in: .whitespaces).uppercased()
                if let series = plan.series.first(where: { $0.instrument.uppercased() == upper })
                    ?? plan.series.first(where: { $0.symbol.uppercased() == upper })
                {
                    resolved.insert(series.symbol)
                } else {
                    unknown.append(token)
                }
            }
            if !unknown.isEmpty { issues.append("unknown_symbols:" + Self.list(unknown.sorted())) }
            wanted = resolved
        }
        let planned = Set(plan.series.map(\.interval))
        let unknownIntervals = options.intervals.filter { !planned.contains($0) }.map(\.description)
        if !unknownIntervals.isEmpty { issues.append("unknown_intervals:" + Self.list(unknownIntervals)) }
        let selected = plan.series.filter { series in
            (wanted?.contains(series.symbol) ?? true)
                && (options.intervals.isEmpty || options.intervals.contains(series.interval))
        }
        return (selected, issues)
    }

    /// `['A', 'B']`, as the reference prints a Python list in its issue codes.
    private static func list(_ items: [String]) -> String {
        "[" + items.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }

    /// `path` against the options' working folder when relative.
    func resolve(_ path: String) -> String {
        guard !path.hasPrefix("/"), let folder = options.workingDirectory else { return path }
        return URL(fileURLWithPath: folder).appendingPathComponent(path).path
    }
}
