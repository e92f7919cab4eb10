import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("LiveTradingGate")
struct LiveTradingGateTests {
    typealias Fixture = LiveGateFixture

    @Test("a live environment with every gate satisfied has no failures and enforce passes")
    func allGatesHold() throws {
        try withTemporaryDirectory { folder in
            let fixture = Fixture()
            let failures = try fixture.evaluate(in: folder)
            #expect(failures == [])
            let selection = try fixture.resolve(in: folder)
            #expect(selection.environment.kind == .live)
            try LiveTradingGate.enforce(selection, request: fixture.request(in: folder))
        }
    }

    /// The fixture with exactly one gate broken.
    static func breaking(_ gate: LiveGate) -> (Fixture, riskProfileFlag: String?) {
        var fixture = Fixture()
        var flag: String?
        switch gate {
        case .allowLiveFlag: fixture.allowLive = false
        case .complianceConfirmed: fixture.complianceConfirmed = nil  // absent means false
        case .demoModeReleased: fixture.requireDemoMode = nil  // absent means true
        case .ipAllowlist: fixture.ipAllowlist = "[]"
        case .credentials: fixture.forbiddenPermissions = "[]"
        case .paperEvidence: fixture.evidence = nil
        case .riskProfileLimits: flag = "manual"
        }
        return (fixture, flag)
    }

    @Test("exactly one missing gate gives exactly that failure", arguments: LiveGate.allCases)
    func oneGateMissing(gate: LiveGate) throws {
        try withTemporaryDirectory { folder in
            let (fixture, flag) = Self.breaking(gate)
            let failures = try fixture.evaluate(in: folder, riskProfileFlag: flag)
            #expect(failures.map(\.gate) == [gate])
            let selection = try fixture.resolve(in: folder, riskProfileFlag: flag)
            #expect(throws: BootstrapError.liveRefused(environment: "binance_main", failures: failures)) {
                try LiveTradingGate.enforce(selection, request: fixture.request(in: folder))
            }
        }
    }

    @Test("--allow-live alone is refused with the six other gates, each saying what to change")
    func allowLiveAlone() throws {
        try withTemporaryDirectory { folder in
            var fixture = Fixture()
            fixture.requireDemoMode = nil
            fixture.complianceConfirmed = nil
            fixture.ipAllowlist = "[]"
            fixture.requiredPermissions = "[read]"
            fixture.forbiddenPermissions = "[]"
            fixture.evidence = nil
            fixture.riskProfile = "manual"
            let selection = try fixture.resolve(in: folder)
            let failures = LiveTradingGate.evaluate(selection, request: fixture.request(in: folder))
            #expect(
                failures.map(\.gate) == [
                    .complianceConfirmed, .demoModeReleased, .ipAllowlist, .credentials, .paperEvidence,
                    .riskProfileLimits,
                ])
            let reasons = Dictionary(uniqueKeysWithValues: failures.map { ($0.gate, $0.reason) })
            #expect(reasons[.complianceConfirmed]?.contains("environments.binance_main.compliance_confirmed") == true)
            #expect(reasons[.demoModeReleased]?.contains("runtime.require_demo_mode: false") == true)
            #expect(reasons[.ipAllowlist]?.contains("environments.binance_main.ip_allowlist: is empty") == true)
            #expect(reasons[.credentials]?.contains("does not require trade") == true)
            #expect(reasons[.credentials]?.contains("does not forbid withdraw") == true)
            #expect(reasons[.paperEvidence]?.contains("--paper-smoke") == true)
            #expect(
                reasons[.riskProfileLimits]?.contains("max_daily_loss_pct, hard_drawdown_pct, max_position_pct")
                    == true)
            // Every reason points at the configuration file except the flag-only ones.
            #expect(reasons[.complianceConfirmed]?.hasPrefix(folder.appendingPathComponent("core.yaml").path) == true)

            var refused: BootstrapError?
            do {
                try LiveTradingGate.enforce(selection, request: fixture.request(in: folder))
            } catch {
                refused = error as? BootstrapError
            }
            #expect(refused?.exitCode == 3)
            #expect(refused?.toolExit.code == 3)
            let message = try #require(refused).description
            #expect(message.hasPrefix("live trading on environment 'binance_main' is refused: 6 gates do not hold"))
            for gate in failures.map(\.gate) { #expect(message.contains("[\(gate.rawValue)]")) }
        }
    }

    @Test("paper and testnet environments never hit the live gates", arguments: ["paper", "testnet"])
    func demoModesHaveNoGates(kind: String) throws {
        try withTemporaryDirectory { folder in
            var fixture = Fixture()
            fixture.kind = kind
            fixture.allowLive = false
            fixture.requireDemoMode = true
            fixture.complianceConfirmed = false
            fixture.evidence = nil
            fixture.riskProfile = "manual"
            let failures = try fixture.evaluate(in: folder)
            #expect(failures == [])
        }
    }

    @Test("the shipped binance_live is refused until compliance, demo lock, allowlist and evidence are done")
    func shippedLiveEnvironment() throws {
        try withTemporaryDirectory { folder in
            let selection = try TradingSelection.resolve(
                configPath: PackageLayout.root.appendingPathComponent("config/core.yaml").path,
                environment: "binance_live", strategy: nil, controller: nil, riskProfile: nil)
            let request = LiveGateRequest(
                allowLive: true, paperAuditLogPath: folder.appendingPathComponent("none.jsonl"), now: Fixture.now)
            #expect(
                LiveTradingGate.evaluate(selection, request: request).map(\.gate) == [
                    .complianceConfirmed, .demoModeReleased, .ipAllowlist, .paperEvidence,
                ])
        }
    }

    // MARK: - Paper evidence

    static let staleOrForeign: [(String, [String])] = [
        ("older than 30 days", [Fixture.record(environment: "binance_paper", daysAgo: 31, severity: "INFO")]),
        ("another exchange", [Fixture.record(environment: "kraken_paper", daysAgo: 1, severity: "INFO")]),
        ("a live environment", [Fixture.record(environment: "binance_main", daysAgo: 1, severity: "INFO")]),
        ("an unknown environment", [Fixture.record(environment: "ghost_paper", daysAgo: 1, severity: "INFO")]),
        ("a failed status", [Fixture.record(environment: "binance_paper", daysAgo: 1, status: "failed")]),
        (
            "status wins over severity",
            [
                Fixture.record(environment: "binance_paper", daysAgo: 1, severity: "INFO", status: "error")
            ]
        ),
        ("an error severity", [Fixture.record(environment: "binance_paper", daysAgo: 1, severity: "ERROR")]),
        ("no status or severity", [Fixture.record(environment: "binance_paper", daysAgo: 1)]),
        ("dated days ahead", [Fixture.record(environment: "binance_paper", daysAgo: -2, severity: "INFO")]),
        ("an empty log", []),
        ("only malformed lines", ["{not json", "[1, 2]", "{\"environment\": \"binance_paper\"}"]),
    ]

    @Test(
        "evidence that is too old, of another exchange or unsuccessful fails the paper_evidence gate",
        arguments: staleOrForeign)
    func unusableEvidence(label: String, lines: [String]) throws {
        try withTemporaryDirectory { folder in
            var fixture = Fixture()
            fixture.evidence = lines
            let failures = try fixture.evaluate(in: folder)
            #expect(failures.map(\.gate) == [.paperEvidence], "\(label)")
        }
    }

    static let usable: [(String, [String])] = [
        ("severity info in lower case", [Fixture.record(environment: "binance_paper", daysAgo: 29, severity: "info")]),
        ("status ok without severity", [Fixture.record(environment: "binance_paper", daysAgo: 2, status: "ok")]),
        (
            "status ok beats a warning severity",
            [
                Fixture.record(environment: "binance_paper", daysAgo: 2, severity: "WARNING", status: "ok")
            ]
        ),
        (
            "malformed lines around a good one",
            [
                "{\"environment\": \"binance_paper\", \"timestamp\": \"2026-11-2", "", "garbage",
                Fixture.record(environment: "binance_paper", daysAgo: 3, severity: "INFO"), "{]",
            ]
        ),
        (
            "an older failure before a newer success",
            [
                Fixture.record(environment: "binance_paper", daysAgo: 5, severity: "ERROR"),
                Fixture.record(environment: "kraken_paper", daysAgo: 1, severity: "INFO"),
                Fixture.record(environment: "binance_paper", daysAgo: 4, severity: "INFO"),
            ]
        ),
    ]

    @Test(
        "a recent successful paper record of the same exchange passes; malformed lines are skipped",
        arguments: usable)
    func usableEvidence(label: String, lines: [String]) throws {
        try withTemporaryDirectory { folder in
            var fixture = Fixture()
            fixture.evidence = lines
            let failures = try fixture.evaluate(in: folder)
            #expect(failures == [], "\(label)")
        }
    }

    @Test("a stale record names its age and the limit; the limit comes from live_paper_evidence_max_age_days")
    func evidenceAge() throws {
        try withTemporaryDirectory { folder in
            var fixture = Fixture()
            fixture.evidence = [Fixture.record(environment: "binance_paper", daysAgo: 40, severity: "INFO")]
            let failure = try #require(try fixture.evaluate(in: folder).first)
            #expect(failure.gate == .paperEvidence)
            #expect(failure.reason.contains("is 40 days old"))
            #expect(failure.reason.contains("runtime.live_paper_evidence_max_age_days (30)"))
            fixture.maxAgeDays = 45
            let failures = try fixture.evaluate(in: folder)
            #expect(failures == [])
        }
    }

    @Test("a missing log says where it looked and how to produce the evidence")
    func missingLog() throws {
        try withTemporaryDirectory { folder in
            var fixture = Fixture()
            fixture.evidence = nil
            let failure = try #require(try fixture.evaluate(in: folder).first)
            #expect(failure.reason.contains("no paper smoke audit log at \(fixture.logURL(in: folder).path)"))
            #expect(failure.reason.contains("run-daily-trend --environment binance_paper --paper-smoke"))
        }
    }

    // MARK: - IP allowlist and credentials

    @Test(
        "invalid allowlist entries fail the ip_allowlist gate",
        arguments: [
            "[example.com]", "[10.0.0.0/33]", "[0.0.0.0/0]", "[\"::/0\"]", "[1.2.3]", "[256.1.1.1]", "[10.0.0.1/]",
            "[2001:db8::/129]", "[\"10.0.0.1 /24\"]", "[10.0.0.1/+8]", "[203.0.113.7, nonsense]",
        ])
    func invalidAllowlist(list: String) throws {
        try withTemporaryDirectory { folder in
            var fixture = Fixture()
            fixture.ipAllowlist = list
            let failures = try fixture.evaluate(in: folder)
            #expect(failures.map(\.gate) == [.ipAllowlist])
        }
    }

    @Test(
        "valid allowlists pass",
        arguments: ["[127.0.0.1]", "[10.0.0.0/8, 192.168.1.1/32]", "[\"::1\"]", "[\"fe80::1:2/64\", 203.0.113.7]"])
    func validAllowlist(list: String) throws {
        try withTemporaryDirectory { folder in
            var fixture = Fixture()
            fixture.ipAllowlist = list
            let failures = try fixture.evaluate(in: folder)
            #expect(failures == [])
        }
    }

    @Test(
        "each missing credential setting fails the credentials gate",
        arguments: [
            ("keychain_key", "empty keychain"), ("credential_purpose", "blank purpose"),
            ("required_permissions", "no trade"), ("required_permissions", "no read"),
            ("forbidden_permissions", "no withdraw"),
        ])
    func credentials(key: String, label: String) throws {
        try withTemporaryDirectory { folder in
            var fixture = Fixture()
            switch label {
            case "empty keychain": fixture.keychainKey = ""
            case "blank purpose": fixture.credentialPurpose = " "
            case "no trade": fixture.requiredPermissions = "[read]"
            case "no read": fixture.requiredPermissions = "[trade]"
            default: fixture.forbiddenPermissions = "[trade_futures]"
            }
            let failures = try fixture.evaluate(in: folder)
            #expect(failures.map(\.gate) == [.credentials])
            #expect(failures.first?.reason.contains("environments.binance_main.\(key)") == true)
        }
    }

    @Test("credential issues: none for paper, warnings for testnet, errors for live")
    func credentialIssueSeverities() throws {
        var fixture = Fixture()
        fixture.ipAllowlist = "[]"
        fixture.forbiddenPermissions = "[]"
        for (kind, expected) in [
            ("paper", [ConfigIssue.Severity]()), ("testnet", [.warning, .warning]), ("live", [.error, .error]),
        ] {
            fixture.kind = kind
            let config = try #require(CoreConfigLoader.load(text: fixture.yaml, fileName: "c.yaml").config)
            let environment = try #require(config.environment(named: "binance_main"))
            let issues = LiveTradingGate.credentialIssues(environment, positions: config.positions)
            #expect(issues.map(\.severity) == expected, "\(kind)")
            #expect(
                issues.map(\.path)
                    == (expected.isEmpty
                        ? []
                        : ["environments.binance_main.forbidden_permissions", "environments.binance_main.ip_allowlist"])
            )
        }
        fixture.kind = "testnet"
        fixture.keychainKey = ""
        let config = try #require(CoreConfigLoader.load(text: fixture.yaml, fileName: "c.yaml").config)
        let issues = LiveTradingGate.credentialIssues(try #require(config.environment(named: "binance_main")))
        #expect(issues.first?.severity == .error)
        #expect(issues.first?.path == "environments.binance_main.keychain_key")
    }
}
