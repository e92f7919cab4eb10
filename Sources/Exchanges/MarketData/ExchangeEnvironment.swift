/// Which of a venue's deployments an environment talks to, as `environments.*.environment` in
/// `config/core.yaml` names it.
public enum ExchangeEnvironment: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Real trading on the venue's production hosts.
    case live
    /// Simulated trading: orders stay local, market data comes from the production hosts, so paper
    /// results are computed on real prices.
    case paper
    /// The venue's test network, where it has one (its own prices and candles).
    case testnet

    public var description: String { rawValue }
}
