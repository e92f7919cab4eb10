/// What one venue request may use besides its own parameters: the market as it stands, the simulator's
/// "now", and the row faults (duplicates, shuffling) decided for this request.
struct SimulatorPage: Sendable {
    let market: SyntheticMarket
    let now: Int64
    let seed: UInt64
    /// The request's sequence number, which seeds its row faults.
    let sequence: UInt64
    let faults: SimulatorFaults

    /// `rows` with the seeded duplicates inserted and, when shuffling, in a seeded order.
    func disorder(_ rows: [SyntheticRow]) -> [SyntheticRow] {
        var result = rows
        if faults.duplicateRate > 0 {
            result = []
            result.reserveCapacity(rows.count + rows.count / 4)
            for (position, row) in rows.enumerated() {
                result.append(row)
                if draw(0x6475_70, UInt64(position)) < faults.duplicateRate { result.append(row) }
            }
        }
        if faults.shuffle, result.count > 1 {
            for position in stride(from: result.count - 1, to: 0, by: -1) {
                let other = Int(draw(0x7368_7566, UInt64(position)) * Double(position + 1))
                result.swapAt(position, min(other, position))
            }
        }
        return result
    }

    private func draw(_ salt: UInt64, _ position: UInt64) -> Double {
        SimulatorHash.unit(SimulatorHash.combine(seed, salt, sequence, position))
    }
}
