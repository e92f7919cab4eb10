import Testing

@testable import BotExecution

@Suite struct ExecutionContextTests {
    @Test(
        arguments: [
            (nil, 1.0), ("3", 3.0), ("2.50", 2.5), ("0.5", 1.0), ("-2", 1.0), ("abc", 1.0), ("inf", 1.0),
        ] as [(String?, Double)])
    func leverageIsReadFromMetadataAndFlooredAtOne(text: String?, expected: Double) {
        var context = PaperFixtures.context
        context.metadata[ExecutionContext.leverageKey] = text
        #expect(context.leverage == expected)
    }

    @Test func settingsFloorNegativeRatesAtZero() {
        let settings = PaperExecutionSettings(makerFee: -1, takerFee: .nan, slippageBPS: -5)
        #expect(settings.makerFee == 0 && settings.takerFee == 0 && settings.slippageBPS == 0)
        #expect(settings.maintenanceMarginRatio(for: "aggressive") == 0.1)
        #expect(settings.maintenanceMarginRatio(for: "manual") == 0.25)
    }
}
