/// Why an execution service could not carry out a request at all (a rejected order is a result, not an
/// error).
public enum ExecutionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `cancel` named an order that the service does not know.
    case unknownOrder(orderID: String)
    /// `cancel` named an order that is no longer open.
    case orderNotOpen(orderID: String, status: String)
    /// The ledger could not be written; the order's effect on balances stands but is not on disk.
    case ledgerWriteFailed(path: String, reason: String)
    /// The venue did not answer or answered with a temporary failure; worth retrying.
    case venueUnavailable(reason: String)
    /// The saved paper account could not be read or written.
    case accountFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownOrder(let orderID):
            "cannot cancel order \(orderID): no such order was placed with this execution service; "
                + "check the order id in the ledger"
        case .orderNotOpen(let orderID, let status):
            "cannot cancel order \(orderID): it is already \(status); only open (resting) orders can be cancelled"
        case .ledgerWriteFailed(let path, let reason):
            "cannot write the execution ledger at \(path): \(reason); check free space and permissions of the "
                + "ledger directory"
        case .venueUnavailable(let reason):
            "the venue is temporarily unavailable: \(reason); the order may be retried"
        case .accountFile(let path, let reason):
            "paper account file \(path): \(reason)"
        }
    }
}

extension ExecutionError: TransientClassifiable {
    public var isTransient: Bool {
        if case .venueUnavailable = self { return true }
        return false
    }
}
