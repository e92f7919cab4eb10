import BotAlerts
import BotCodecs
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The paper-trading audit logs a smoke run appends to: a Markdown table for people
/// (`docs/audit/paper_trading_log.md`) and a JSON Lines file for tools (`docs/audit/paper_trading_log.jsonl`).
public struct PaperTradingAuditLog {
    /// The section heading the Markdown row goes under.
    public static let sectionHeading = "## B1 – Paper trading smoke tests"
    /// Headings accepted for the section: ours, an ASCII-dash spelling, and the reference's Polish one, so an
    /// existing operator log keeps working.
    public static let acceptedHeadings: Set<String> = [
        sectionHeading, "## B1 - Paper trading smoke tests", "## Sekcja B1 – Smoke testy paper tradingu",
    ]
    /// The table header and separator written when the section has no table yet.
    public static let tableHeader = [
        "| ID | Timestamp (UTC) | Operator | Environment | Window | Summary | Summary SHA-256 | Severity | Notes |",
        "|----|-----------------|----------|-------------|--------|---------|-----------------|----------|-------|",
    ]

    /// Appends a row for `entry` to the smoke-test table of the Markdown log at `url` and returns its id
    /// (`S-0003`: one more than the largest id in the table).
    ///
    /// The row goes at the end of the table under the section heading (any of ``acceptedHeadings``);
    /// table lines may be indented. A missing file is created with a short header, the section and the
    /// table; a file without the section gets the section appended at its end; a section without a table
    /// gets one. The file is rewritten atomically with `\n` line endings, under an exclusive lock on its
    /// folder so concurrent runs do not lose rows.
    /// - Throws: ``SmokeReportError`` when the file cannot be read or written.
    @discardableResult
    public static func appendRow(to url: URL, entry: AuditLogEntry) throws -> String {
        let folder = url.deletingLastPathComponent()
        try SmokeReportWriter.createFolders(folder)
        let lock = open(folder.path, O_RDONLY | O_DIRECTORY)
        if lock >= 0 { _ = flock(lock, LOCK_EX) }
        defer {
            if lock >= 0 {
                _ = flock(lock, LOCK_UN)
                close(lock)
            }
        }
        var lines: [String]
        if FileManager.default.fileExists(atPath: url.path) {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw SmokeReportError.cannotRead(path: url.path, code: access(url.path, R_OK) == 0 ? EIO : errno)
            }
            lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            if lines.last == "" { lines.removeLast() }
        } else {
            lines = [
                "# Paper trading audit log", "",
                "Audit trail of the paper trading smoke tests (`run-daily-trend --paper-smoke`). Rows are appended "
                    + "by the tool; see docs/paper-smoke-report.md.",
            ]
        }
        let id = insertRow(into: &lines, entry: entry)
        let text = lines.joined(separator: "\n") + "\n"
        try SmokeReportWriter.writeFile(Array(text.utf8), to: url)
        return id
    }

    /// Inserts the row for `entry` into the Markdown `lines` and returns its id.
    static func insertRow(into lines: inout [String], entry: AuditLogEntry) -> String {
        func trimmed(_ line: String) -> Substring { line.drop { $0 == " " || $0 == "\t" } }
        guard
            let heading = lines.firstIndex(where: {
                acceptedHeadings.contains(String(trimmed($0)).trimmingTrailingSpaces)
            })
        else {
            if let last = lines.last, !last.isEmpty { lines.append("") }
            let id = formatID(1)
            lines += [sectionHeading, ""] + tableHeader + [row(for: entry, id: id)]
            return id
        }
        var index = heading + 1
        var tableStart: Int?
        while index < lines.count {
            let line = trimmed(lines[index])
            if line.hasPrefix("|") {
                tableStart = index
                break
            }
            if line.hasPrefix("#") { break }
            index += 1
        }
        guard let start = tableStart else {
            let id = formatID(1)
            lines.insert(contentsOf: [""] + tableHeader + [row(for: entry, id: id), ""], at: heading + 1)
            return id
        }
        var end = start
        var largest = 0
        while end < lines.count, trimmed(lines[end]).hasPrefix("|") {
            if let number = rowNumber(lines[end]) { largest = max(largest, number) }
            end += 1
        }
        let id = formatID(largest + 1)
        lines.insert(row(for: entry, id: id), at: end)
        return id
    }

    /// The number of a row whose first cell is `S-NNNN`; nil for header, separator and other rows.
    static func rowNumber(_ line: String) -> Int? {
        let cells = line.split(separator: "|", omittingEmptySubsequences: false)
        guard cells.count > 2 else { return nil }
        let cell = cells[1].trimmingCharacters(in: .whitespaces)
        guard cell.hasPrefix("S-") else { return nil }
        let digits = cell.dropFirst(2)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    static func formatID(_ number: Int) -> String {
        let digits = String(number)
        return "S-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `| S-0003 | <timestamp> | <operator> | <env> | <start> → <end> | `<summary>` | `<sha>` | INFO | <notes> |`.
    static func row(for entry: AuditLogEntry, id: String) -> String {
        let notes = entry.notes.isEmpty ? "-" : entry.notes.joined(separator: "; ")
        let cells = [
            id, entry.timestampText, entry.operator, entry.environment,
            "\(entry.window.startText) → \(entry.window.endText)", "`\(entry.summaryPath)`",
            "`\(entry.summarySHA256)`", entry.severity.rawValue.uppercased(), notes,
        ]
        return "| " + cells.map(cell).joined(separator: " | ") + " |"
    }

    /// A cell's text with pipes escaped and line breaks flattened, so it cannot break the table.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
