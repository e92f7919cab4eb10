import BotCodecs
import Foundation

/// Reads `config/core.yaml` into a ``CoreConfig``.
///
/// The reference schema is kept (`spec/reference-data.md` §1), so an existing operator's file loads
/// unchanged; unlike the reference, unknown keys are reported as warnings (with a "did you mean" for near
/// misses), and every problem of the file is reported at once with its file, line, column and key path.
///
/// ```swift
/// let result = try CoreConfigLoader.load(path: "config/core.yaml")
/// for issue in result.issues { print(issue) }   // load errors and warnings
/// let config = try result.validConfig()          // throws ConfigError.invalid when any error remains
/// ```
public enum CoreConfigLoader {
    static let topLevelKeys = [
        "risk_profiles", "runtime", "strategies", "instrument_universes", "environments", "reporting", "alerts",
        "coverage_monitoring",
    ]

    /// Reads and loads the file at `path` (shown in messages as `displayName`, default `path`).
    ///
    /// - Throws: ``ConfigError/unreadable(path:reason:)`` when the file cannot be read. Everything wrong
    ///   inside the file, YAML syntax included, is in the result's issues instead.
    public static func load(path: String, displayName: String? = nil) throws(ConfigError) -> ConfigLoadResult {
        let name = displayName ?? path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unreadable(path: name, reason: "no such file")
        }
        guard !isFolder.boolValue else { throw .unreadable(path: name, reason: "it is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: name, reason: "permission denied or read error")
        }
        return load(utf8: [UInt8](data), fileName: name)
    }

    /// Loads YAML `text`, naming it `fileName` in messages.
    public static func load(text: String, fileName: String = "core.yaml") -> ConfigLoadResult {
        load(utf8: Array(text.utf8), fileName: fileName)
    }

    /// Loads UTF-8 YAML `bytes`, naming them `fileName` in messages.
    public static func load(utf8 bytes: [UInt8], fileName: String) -> ConfigLoadResult {
        let root: YAMLNode
        do {
            root = try YAMLDocument.parse(utf8: bytes, fileName: fileName)
        } catch {
            let issue = ConfigIssue(
                severity: .error, path: "", mark: error.mark,
                message: "the file is not valid YAML: "
                    + error.description
                    .dropFirst(error.mark.description.count + 2))
            return ConfigLoadResult(fileName: fileName, config: nil, issues: [issue])
        }
        let reader = ConfigReader(fileName: fileName)
        let config = read(root, with: reader)
        return ConfigLoadResult(fileName: fileName, config: reader.hasErrors ? nil : config, issues: reader.issues)
    }

    static func read(_ root: YAMLNode, with reader: ConfigReader) -> CoreConfig {
        let top = reader.mapping(root, at: "", known: topLevelKeys)
        let riskProfiles = readRiskProfiles(top, reader)
        let runtime = reader.section(
            top, "runtime", at: "", known: ["controllers", "require_demo_mode", "live_paper_evidence_max_age_days"])
        let controllers = readControllers(runtime, reader)
        let settings = RuntimeSettings(
            requireDemoMode: reader.bool(runtime, "require_demo_mode", at: "runtime")
                ?? RuntimeSettings.defaults.requireDemoMode,
            livePaperEvidenceMaxAgeDays: reader.int(runtime, "live_paper_evidence_max_age_days", at: "runtime")
                ?? RuntimeSettings.defaults.livePaperEvidenceMaxAgeDays)
        let strategies = readStrategies(top, reader)
        let universes = readUniverses(top, reader)
        let environments = readEnvironments(top, reader, riskProfiles: riskProfiles)
        let reporting = readReporting(top, reader)
        let alerts = readAlerts(top, reader)
        let coverage = readCoverageMonitoring(top, reader)
        return CoreConfig(
            riskProfiles: riskProfiles, controllers: controllers, runtime: settings, strategies: strategies,
            instrumentUniverses: universes, environments: environments, reporting: reporting, alerts: alerts,
            coverageMonitoring: coverage, positions: reader.positions)
    }
}

/// What loading a configuration produced: the configuration (nil when the file has load errors) and every
/// issue found while reading it.
public struct ConfigLoadResult: Sendable {
    /// The file's name as shown in messages.
    public let fileName: String
    /// The loaded configuration; nil when an error kept it from loading (missing required key, wrong type,
    /// YAML syntax).
    public let config: CoreConfig?
    /// Problems found while reading: errors and warnings (unknown keys, skipped strategies).
    public let issues: [ConfigIssue]

    /// Load issues followed by ``CoreConfig/validate()``'s when the file loaded: everything
    /// `validate-config` reports.
    public var allIssues: [ConfigIssue] {
        issues + (config?.validate() ?? [])
    }

    /// The configuration when it loaded and validates without errors.
    ///
    /// - Throws: ``ConfigError/invalid(path:errors:)`` listing every error.
    public func validConfig() throws(ConfigError) -> CoreConfig {
        let errors = allIssues.filter { $0.severity == .error }
        guard let config, errors.isEmpty else { throw .invalid(path: fileName, errors: errors) }
        return config
    }
}
