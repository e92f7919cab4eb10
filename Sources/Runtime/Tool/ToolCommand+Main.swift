import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ToolCommand {
    /// Runs the tool and returns its exit status; the executable passes it to `exit`.
    ///
    /// Parses `arguments`, prints help for `-h`/`--help` (status 0), sets up logging, builds the command
    /// and runs it, then maps the outcome to the documented statuses: 0 success, 1 failure (`error: …`),
    /// 2 ``CheckFailure``, 64 ``UsageError`` (with the usage line), 130 cancellation or SIGINT/SIGTERM, and a
    /// ``ToolExit``'s own code. Everything written to standard error passes through the context's redactor.
    ///
    /// - Parameters:
    ///   - arguments: The arguments without the program name.
    ///   - environment: The environment handed to the command (and set on the context).
    ///   - context: Streams, clocks and logger; ``ToolContext/standard`` for the real process.
    public static func main(
        _ arguments: [String] = Array(CommandLine.arguments.dropFirst()),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        context: ToolContext = .standard
    ) async -> Int32 {
        var context = context
        context.environment = environment
        let command: Self
        do {
            let parsed = try ParsedArguments(parsing: arguments, options: allOptions, positionals: positionals)
            if parsed.isHelpRequested {
                context.write(help)
                return 0
            }
            // Logging first, so the command's own setup can already log.
            let level = parsed.string("log-level").flatMap(LogLevel.init(rawValue:)) ?? .info
            let file = try parsed.string("log-file").map { path throws(LoggingError) in
                try LogFile(path: context.resolve(path))
            }
            context.logger = Logger(
                minimumLevel: level, standardError: context.standardError, file: file, redactor: context.redactor,
                now: context.now)
            command = try Self(parsed: parsed, environment: environment)
        } catch {
            return report(error, in: context)
        }

        do {
            if context.handlesInterrupts {
                try await command.runInterruptibly(in: context)
            } else {
                try await command.run(in: context)
            }
            return 0
        } catch {
            return report(error, in: context)
        }
    }

    /// Writes the message for `error` and returns its exit status.
    static func report(_ error: any Error, in context: ToolContext) -> Int32 {
        let (status, message): (Int32, String?) =
            switch error {
            case let usage as UsageError:
                (64, "error: \(usage.message)\n\(usageLine)\nRun '\(name) --help' for the options.\n")
            case let failure as CheckFailure:
                (2, "\(failure)\n")
            case let exit as ToolExit:
                (exit.code, exit.message.map { "error: \($0)\n" })
            case is CancellationError:
                (130, "interrupted\n")
            default:
                (1, "error: \(error)\n")
            }
        if let message {
            context.writeError(message)
            context.logger.logToFile(status == 2 ? .warning : .error, message.trimmingCharacters(in: .newlines))
        }
        return status
    }

    /// Runs the command in a task group next to a watcher for SIGINT/SIGTERM; a signal cancels the
    /// command, which shuts down cleanly (closing positions, writing reports) and the tool exits 130, or 0
    /// when the command ``ToolCommand/finishesOnInterrupt`` and returned normally.
    private func runInterruptibly(in context: ToolContext) async throws {
        let interrupts = InterruptSignals()
        defer { interrupts.stop() }
        let interrupted = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await run(in: context)
                return false
            }
            group.addTask {
                // Ends with true on a signal, or with false when cancelled because the command finished.
                await interrupts.wait()
            }
            guard let first = try await group.next() else { return false }
            group.cancelAll()
            if first {
                // Let the command finish its shutdown; its own error, if any, is reported instead.
                while let _ = try await group.next() {}
            }
            return first
        }
        if interrupted && !Self.finishesOnInterrupt { throw CancellationError() }
    }
}

/// SIGINT and SIGTERM delivered as an async event instead of killing the process.
private final class InterruptSignals: @unchecked Sendable {
    // Safety: the sources are set up in `init` and afterwards only cancelled, which Dispatch allows from any
    // thread; the stream and its continuation are Sendable.
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let continuation = continuation
        sources = [SIGINT, SIGTERM].map { number in
            // The default action would end the process before the command can clean up.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
    }

    /// True when a signal arrived, false when the waiting task was cancelled first.
    func wait() async -> Bool {
        var iterator = stream.makeAsyncIterator()
        return await iterator.next() != nil
    }

    /// Stops watching. The signal dispositions are left as Dispatch set them: restoring the defaults could
    /// kill the process on a signal still in flight, and `main` is about to return to `exit` anyway.
    func stop() {
        for source in sources { source.cancel() }
        continuation.finish()
    }
}
