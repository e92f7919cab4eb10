public struct ValidateConfigCommand: ToolCommand {
    public static let name = "validate-config"
    public static let summary = "Validates a core.yaml."
    public init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {}
    public func run(in context: ToolContext) async throws {}
}
