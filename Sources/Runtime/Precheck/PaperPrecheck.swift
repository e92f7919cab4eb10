import BotExchanges

/// The paper pre-check: before an environment trades on paper, checks that its configuration is valid, that
/// its candle cache holds every series its strategy needs, complete and fresh as of a given time, and that
/// its risk profile makes the risk engine refuse and size orders as intended (reference §10.2).
///
/// ```swift
/// let precheck = PaperPrecheck(
///     config: config, configPath: "config/core.yaml", environmentName: "binance_paper",
///     options: PaperPrecheck.Options(asOf: windowEnd))
/// let report = try await precheck.run()
/// if report.exitCode(failOnWarnings: false) != 0 { … }
/// ```
///
/// Findings are never thrown: an unknown environment, an invalid configuration, missing candles or a profile
/// that sizes nothing are all in the ``PrecheckReport``. Nothing is written; keep the report with
/// ``PrecheckReportArchive``.
public struct PaperPrecheck: Sendable {
    /// What to check and how strictly.
    public struct Options: Sendable {
        /// When to judge the cache (epoch ms, UTC): now for a live start, the window's end for a smoke test
        /// over past candles. Also the risk engine's clock.
        public var asOf: Int64
        /// Only these instruments (`BTC_USDT`) or exchange symbols (`BTCUSDT`), any case; empty for all.
        public var symbols: [String]
        /// Only these intervals; empty for all the environment needs.
        public var intervals: [Interval]
        /// Leave the risk section out (`risk_status` `skipped`).
        public var skipRiskCheck: Bool
        /// Whether warnings count as failures; used by ``PrecheckReport/exitCode``.
        public var failOnWarnings: Bool
        /// Overrides the environment's `data_quality.max_gap_minutes`.
        public var maxGapMinutes: Double?
        /// Overrides the environment's `data_quality.min_ok_ratio` (0…1).
        public var minOkRatio: Double?
        /// The cache's `ohlcv_manifest.sqlite`; default `<data_cache_path>/ohlcv_manifest.sqlite`.
        public var manifestPath: String?
        /// The folder relative paths (`data_cache_path`, `manifestPath`) are resolved against; nil for the
        /// process's working folder.
        public var workingDirectory: String?

        /// Options judging as of `asOf`; everything else as the command line's defaults.
        public init(
            asOf: Int64, symbols: [String] = [], intervals: [Interval] = [], skipRiskCheck: Bool = false,
            failOnWarnings: Bool = false, maxGapMinutes: Double? = nil, minOkRatio: Double? = nil,
            manifestPath: String? = nil, workingDirectory: String? = nil
        ) {
            self.asOf = asOf
            self.symbols = symbols
            self.intervals = intervals
            self.skipRiskCheck = skipRiskCheck
            self.failOnWarnings = failOnWarnings
            self.maxGapMinutes = maxGapMinutes
            self.minOkRatio = minOkRatio
            self.manifestPath = manifestPath
            self.workingDirectory = workingDirectory
        }
    }

    public let config: CoreConfig
    /// The configuration file as the operator named it, for messages.
    public let configPath: String
    public let environmentName: String
    public let options: Options
    /// Problems found while loading the file (unknown keys …), reported with the validation's.
    public let loadIssues: [ConfigIssue]

    /// A pre-check of `environmentName` in `config`.
    /// - Parameter loadIssues: the loader's own issues (``ConfigLoadResult/issues``), so the report lists
    ///   everything `validate-config` would.
    public init(
        config: CoreConfig, configPath: String, environmentName: String, options: PaperPrecheck.Options,
        loadIssues: [ConfigIssue] = []
    ) {
        self.config = config
        self.configPath = configPath
        self.environmentName = environmentName
        self.options = options
        self.loadIssues = loadIssues
    }

    /// Runs the three checks and returns the report.
    ///
    /// - Throws: ``PrecheckError`` only when the check itself cannot run (the cache exists but cannot be
    ///   read, `manifestPath` is not a manifest); `CancellationError`.
    public func run() async throws -> PrecheckReport {
        let issues = loadIssues + config.validate()
        let configErrors = issues.filter { $0.severity == .error }.map(\.description)
        let configWarnings = issues.filter { $0.severity == .warning }.map(\.description)
        guard let environment = config.environment(named: environmentName) else {
            return PrecheckReport(
                environment: environmentName, asOf: options.asOf, manifestPath: options.manifestPath,
                configErrors: configErrors, configWarnings: configWarnings, coverage: nil, coverageStatus: .skipped,
                coverageWarnings: ["environment_not_found"], risk: nil, riskStatus: .skipped,
                errorReason: "environment_not_found", failOnWarnings: options.failOnWarnings)
        }
        let coverage = try await self.coverage(for: environment)
        var risk: PrecheckRisk?
        if !options.skipRiskCheck, coverage.errorReason == nil {
            risk = await riskSanity(for: environment)
        }
        return PrecheckReport(
            environment: environmentName, asOf: options.asOf, manifestPath: coverage.manifestPath,
            configErrors: configErrors, configWarnings: configWarnings, coverage: coverage.coverage,
            coverageStatus: coverage.status, coverageWarnings: coverage.warnings, risk: risk,
            riskStatus: risk.map { PrecheckSectionStatus($0.status) } ?? .skipped, errorReason: coverage.errorReason,
            failOnWarnings: options.failOnWarnings)
    }
}
