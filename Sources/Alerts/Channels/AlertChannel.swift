/// A way to deliver alerts: a log, a file, and later Telegram, e-mail, SMS, Signal, WhatsApp, Messenger.
///
/// The router calls ``send(_:)`` concurrently for every registered channel, each under a timeout after
/// which the call is cancelled, so an implementation that waits (network, disk) must honour task
/// cancellation. Channels keep their own health (last success and failure) for ``healthCheck()``.
public protocol AlertChannel: Sendable {
    /// The unique name the router and the audit log know the channel by, e.g. `telegram:primary`.
    var name: String { get }

    /// Delivers `message`; throws (preferably ``AlertDeliveryError``) when it could not.
    func send(_ message: AlertMessage) async throws

    /// Reports whether recent deliveries worked, plus channel-specific facts; never throws.
    func healthCheck() async -> AlertChannelHealth
}
