import BotData
import BotExchanges
import Foundation
import Synchronization

extension BackfillCommand {
    /// Shows the backfill's progress: on a terminal one line per series redrawn in place (done/total,
    /// candles/s, ETA); otherwise one log line per page.
    final class ProgressDisplay: Sendable {
        private let context: ToolContext
        private let drawn = Mutex<Bool>(false)

        init(context: ToolContext) { self.context = context }

        func update(_ progress: BackfillProgress) {
            let rate = progress.candlesPerSecond.map { String(format: "%.0f candles/s", $0) } ?? "- candles/s"
            let eta = progress.etaMilliseconds.map { "ETA \(Self.duration($0))" } ?? "ETA -"
            let percent = progress.total > 0 ? progress.done * 100 / progress.total : 100
            let line =
                "\(progress.series.symbol) \(progress.series.interval): \(progress.done)/\(progress.total) "
                + "(\(percent)%) \(rate) \(eta), \(progress.requests) requests"
            if context.isStandardErrorTerminal {
                context.writeError("\r\u{1B}[2K" + line)
                drawn.withLock { $0 = true }
            } else {
                context.logger.info(line)
            }
        }

        /// Ends the redrawn line so later output starts on a fresh one.
        func finish() {
            if drawn.withLock({ value in
                defer { value = false }
                return value
            }) {
                context.writeError("\n")
            }
        }

        static func duration(_ milliseconds: Int64) -> String {
            let seconds = milliseconds / 1000
            return seconds >= 3600
                ? "\(seconds / 3600)h\(seconds % 3600 / 60)m"
                : seconds >= 60 ? "\(seconds / 60)m\(seconds % 60)s" : "\(seconds)s"
        }
    }
}
