/// Where an order stands. Venues spell statuses differently; adapters map them onto these.
public enum OrderStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case new
    case partiallyFilled = "partially_filled"
    case filled
    case cancelled
    case rejected
    case expired
}
