import Dispatch
import Foundation

/// Sends plain-text e-mail to an SMTP relay over **plain TCP** (no TLS).
///
/// The toolchain has no TLS library, so this client talks unencrypted SMTP and is meant for a relay on
/// the same host or on a trusted private network — e.g. a Postfix on `127.0.0.1:25`, or `stunnel` on
/// localhost forwarding to a provider's submission port with TLS (see `docs/email.md`). Credentials sent
/// with AUTH PLAIN or AUTH LOGIN travel in clear text (base64 is not encryption): use them only over
/// loopback or a link you trust.
///
/// One ``send(_:)`` is one connection: greeting, EHLO (HELO if EHLO is refused), AUTH (PLAIN preferred,
/// else LOGIN, when credentials are set), MAIL FROM, RCPT TO for every recipient, DATA with
/// dot-stuffing, QUIT. Non-ASCII bodies go as `8bit` when the server announces 8BITMIME, else base64.
public struct SMTPClient: Sendable {
    /// What to do when the server refuses some recipients but accepts others.
    public enum RecipientPolicy: Sendable, Equatable {
        /// Send nothing and throw ``SMTPError/recipientsRejected(server:_:)`` listing the refused ones
        /// (the default: an alert that silently misses an operator is worse than one that fails loudly).
        case requireAll
        /// Deliver to the accepted recipients and report the refused ones in ``SMTPDelivery``.
        case allowPartial
    }

    public let host: String
    public let port: UInt16
    public let credentials: SMTPCredentials?
    /// The name sent with EHLO/HELO.
    public let clientName: String
    /// The limit for connecting and for each read or write.
    public let timeout: Duration
    public let recipientPolicy: RecipientPolicy
    private let clock: @Sendable () -> Date

    /// - Parameters:
    ///   - host: the relay, normally `127.0.0.1` (see the type's note on plain TCP).
    ///   - credentials: nil sends without AUTH.
    ///   - clock: gives the `Date` header when the message has none.
    public init(
        host: String, port: UInt16 = 25, credentials: SMTPCredentials? = nil, clientName: String = "localhost",
        timeout: Duration = .seconds(30), recipientPolicy: RecipientPolicy = .requireAll,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.host = host
        self.port = port
        self.credentials = credentials
        self.clientName = clientName
        self.timeout = timeout
        self.recipientPolicy = recipientPolicy
        self.clock = clock
    }

    /// Sends `message`; returns once the server has accepted it for delivery.
    ///
    /// The blocking socket dialogue runs on a Dispatch worker, not on the caller's task, so it does not
    /// hold a thread of Swift's cooperative pool; every read and write is bounded by ``timeout``.
    public func send(_ message: EmailMessage) async throws(SMTPError) -> SMTPDelivery {
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<SMTPDelivery, SMTPError>, Never>) in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(returning: Result { () throws(SMTPError) in try self.sendBlocking(message) })
            }
        }
        return try result.get()
    }

    /// Sends `message` on the calling thread (for tools that are synchronous anyway).
    public func sendBlocking(_ message: EmailMessage) throws(SMTPError) -> SMTPDelivery {
        let server = "\(host):\(port)"
        let socket: TCPSocket
        do {
            socket = try TCPSocket.connect(host: host, port: port, timeout: timeout)
        } catch {
            throw .connection(server: server, stage: .connect, error)
        }
        return try send(message, over: socket, server: server)
    }

    /// Runs the dialogue over an already open stream (tests use a scripted one).
    func send(_ message: EmailMessage, over stream: some SMTPStream, server: String) throws(SMTPError) -> SMTPDelivery {
        try SMTPSession(stream: stream, server: server).deliver(
            message, clientName: clientName, credentials: credentials, recipientPolicy: recipientPolicy,
            date: message.date ?? clock())
    }
}
