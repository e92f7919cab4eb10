import BotCodecs
import Foundation

/// Appends each alert as one JSON line to a file, for operators without a network channel.
///
/// Each line is an ``AlertMessage`` encoded with sorted keys (`body`, `category`, `context`, `severity`,
/// `timestamp`, `title`), so `JSONLinesReader.read(AlertMessage.self, from:)`, `jq` or Python read it back.
/// The file is created with mode 0600 (alerts may name accounts and positions) and every append is
/// flushed to disk before ``send(_:)`` returns. It is opened on the first alert; after a write error it is
/// reopened on the next one, so a deleted or replaced file heals itself.
public actor FileAlertChannel: AlertChannel {
    public nonisolated let name: String
    /// The file alerts are appended to.
    public nonisolated let url: URL
    private let now: @Sendable () -> Int64
    private var writer: JSONLinesWriter?
    private var tracker = ChannelHealthTracker()

    /// A channel named `name` appending to `url` (created with its folders when missing); `now` gives
    /// epoch milliseconds for the health report.
    public init(name: String = "file", url: URL, now: @escaping @Sendable () -> Int64) {
        self.name = name
        self.url = url
        self.now = now
    }

    public func send(_ message: AlertMessage) async throws {
        try Task.checkCancellation()
        do {
            let writer = try self.writer ?? JSONLinesWriter(url: url, mode: .ownerOnly, durability: .eachAppend)
            self.writer = writer
            try writer.append(message)
        } catch {
            // Drop the descriptor: the next alert reopens the file instead of failing the same way forever.
            writer = nil
            let reason = String(describing: error)
            tracker.recordFailure(reason, at: now())
            throw AlertDeliveryError.failed(channel: name, reason: reason)
        }
        tracker.recordSuccess(at: now())
    }

    public func healthCheck() async -> AlertChannelHealth {
        tracker.health(details: ["path": url.path])
    }
}
