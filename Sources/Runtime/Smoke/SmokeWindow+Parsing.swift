import BotCodecs

extension SmokeWindow {
    /// Parses `--date-window START:END`: UTC dates or date-times, both ends inclusive; an END written as a
    /// date means the end of that day (`2024-02-15` → up to 2024-02-15T23:59:59.999Z). Date-times contain
    /// colons themselves, so every colon is tried as the separator.
    /// - Returns: nil when no split gives two UTC dates with START not after END.
    public init?(parsing text: String) {
        let characters = Array(text)
        for index in characters.indices where characters[index] == ":" {
            let left = String(characters[..<index])
            let right = String(characters[(index + 1)...])
            guard let start = UTCDateTime.milliseconds(parsing: left),
                var end = UTCDateTime.milliseconds(parsing: right)
            else { continue }
            if !right.contains("T") && !right.contains(" ") {
                end += UTCDateTime.millisecondsPerDay - 1
            }
            guard start <= end else { return nil }
            self.init(start: start, end: end)
            return
        }
        return nil
    }

    /// The window as `start → end` in ISO 8601, for messages.
    public var description: String {
        "\(UTCDateTime(milliseconds: start).iso8601) → \(UTCDateTime(milliseconds: end).iso8601)"
    }
}
