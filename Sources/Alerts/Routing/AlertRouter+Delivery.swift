/// Concurrent delivery and health checks, each channel under its own timeout.
extension AlertRouter {
    /// Sends `message` to all `channels` at once; the results are in the channels' order.
    static func deliver(
        _ message: AlertMessage, to channels: [any AlertChannel], timeout: Duration
    ) async -> [AlertChannelDelivery] {
        await withTaskGroup(of: (Int, AlertChannelDelivery).self) { group in
            for (index, channel) in channels.enumerated() {
                group.addTask { (index, await deliver(message, to: channel, timeout: timeout)) }
            }
            var deliveries = [AlertChannelDelivery?](repeating: nil, count: channels.count)
            for await (index, delivery) in group { deliveries[index] = delivery }
            return deliveries.enumerated().map { index, delivery in
                delivery ?? AlertChannelDelivery(channel: channels[index].name, status: .failed, error: "not attempted")
            }
        }
    }

    /// Asks all `channels` for their health at once; nil where a check did not answer within `timeout`.
    static func checkHealth(
        of channels: [any AlertChannel], timeout: Duration
    ) async -> [AlertChannelHealth?] {
        await withTaskGroup(of: (Int, AlertChannelHealth?).self) { group in
            for (index, channel) in channels.enumerated() {
                group.addTask {
                    let health = try? await withTimeout(timeout) { await channel.healthCheck() }
                    return (index, health)
                }
            }
            var reports = [AlertChannelHealth?](repeating: nil, count: channels.count)
            for await (index, health) in group { reports[index] = health }
            return reports
        }
    }

    private static func deliver(
        _ message: AlertMessage, to channel: any AlertChannel, timeout: Duration
    ) async -> AlertChannelDelivery {
        do {
            try await withTimeout(timeout) { try await channel.send(message) }
            return AlertChannelDelivery(channel: channel.name, status: .delivered)
        } catch is AlertTimeout {
            let error = AlertDeliveryError.timedOut(channel: channel.name, milliseconds: milliseconds(of: timeout))
            return AlertChannelDelivery(channel: channel.name, status: .failed, error: error.description)
        } catch is CancellationError {
            let error = AlertDeliveryError.failed(channel: channel.name, reason: "cancelled before delivery finished")
            return AlertChannelDelivery(channel: channel.name, status: .failed, error: error.description)
        } catch let error as AlertDeliveryError {
            return AlertChannelDelivery(channel: channel.name, status: .failed, error: error.description)
        } catch {
            let wrapped = AlertDeliveryError.failed(channel: channel.name, reason: String(describing: error))
            return AlertChannelDelivery(channel: channel.name, status: .failed, error: wrapped.description)
        }
    }

    /// Runs `operation`, cancelling it and throwing ``AlertTimeout`` if it has not finished after `timeout`.
    ///
    /// Structured: the operation's task is awaited after cancellation, so an operation that ignores
    /// cancellation delays the caller; every channel must honour it.
    private static func withTimeout<Value: Sendable>(
        _ timeout: Duration, _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else { throw AlertTimeout() }
            return result
        }
    }
}

/// The marker thrown when a channel call exceeds the router's timeout.
struct AlertTimeout: Error {}
