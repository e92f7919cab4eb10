/// The RFC 4180 state machine behind ``CSVReader``, fed one buffer at a time.
///
/// A value type so the reader's hot loop works on its fields directly rather than through class
/// properties (which Swift checks for exclusive access at run time on every touch).
struct CSVParser {
    enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    enum Outcome {
        /// The bytes ran out before the record ended.
        case needsInput
        /// A record ended; `line` is where it started.
        case record([String], line: Int)
        case failed(CSVError)
    }

    let delimiter: UInt8
    let source: String
    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private(set) var line = 1
    private var column = 0
    private var recordLine = 1
    private var quoteLine = 0
    private var quoteColumn = 0
    private var skipsLineFeed = false

    init(delimiter: UInt8, source: String) {
        self.delimiter = delimiter
        self.source = source
    }

    /// Consumes `bytes` from `index` until a record ends or the bytes run out. Runs of ordinary bytes are
    /// copied in one step; the state machine only looks at delimiters, quotes and line breaks.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from index: inout Int) -> Outcome {
        let limit = bytes.count
        if skipsLineFeed, index < limit {
            skipsLineFeed = false
            if bytes[index] == 0x0A { index += 1 }
        }
        while index < limit {
            switch state {
            case .fieldStart, .unquoted:
                let runStart = index
                while index < limit {
                    let byte = bytes[index]
                    if byte == delimiter || byte == 0x0A || byte == 0x0D || byte == 0x22 { break }
                    index += 1
                }
                if index > runStart {
                    appendRun(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    state = .unquoted
                }
                guard index < limit else { return .needsInput }
                let byte = bytes[index]
                index += 1
                column += 1
                if byte == delimiter {
                    if let error = endField() { return .failed(error) }
                    state = .fieldStart
                } else if byte == 0x22 {
                    guard state == .fieldStart else {
                        return .failed(.strayQuote(source: source, line: line, column: column))
                    }
                    state = .quoted
                    quoteLine = line
                    quoteColumn = column
                } else if state == .fieldStart && fields.isEmpty {
                    // A blank line: skip it.
                    endLine(after: byte)
                    recordLine = line
                    if skipsLineFeed, index < limit {
                        skipsLineFeed = false
                        if bytes[index] == 0x0A { index += 1 }
                    }
                } else {
                    endLine(after: byte)
                    return endRecord()
                }
            case .quoted:
                let runStart = index
                while index < limit {
                    let byte = bytes[index]
                    if byte == 0x22 || byte == 0x0A { break }
                    index += 1
                }
                if index > runStart { appendRun(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                guard index < limit else { return .needsInput }
                let byte = bytes[index]
                index += 1
                if byte == 0x22 {
                    column += 1
                    state = .quoteInQuoted
                } else {
                    field.append(byte)
                    line += 1
                    column = 0
                }
            case .quoteInQuoted:
                let byte = bytes[index]
                index += 1
                if byte & 0xC0 != 0x80 { column += 1 }
                if byte == 0x22 {
                    field.append(0x22)
                    state = .quoted
                } else if byte == delimiter {
                    if let error = endField() { return .failed(error) }
                    state = .fieldStart
                } else if byte == 0x0A || byte == 0x0D {
                    endLine(after: byte)
                    return endRecord()
                } else {
                    return .failed(.textAfterClosingQuote(source: source, line: line, column: column))
                }
            }
        }
        return .needsInput
    }

    /// Ends the input: the last record if it lacked a line break, nil if there is none.
    mutating func finish() -> Outcome? {
        switch state {
        case .quoted:
            return .failed(.unterminatedQuote(source: source, line: quoteLine, column: quoteColumn))
        case .fieldStart where fields.isEmpty:
            return nil
        default:
            return endRecord()
        }
    }

    private mutating func endRecord() -> Outcome {
        if let error = endField() { return .failed(error) }
        let record = Outcome.record(fields, line: recordLine)
        fields = []
        state = .fieldStart
        recordLine = line
        return record
    }

    /// Appends a run of bytes to the field, advancing the column by its character count.
    private mutating func appendRun(_ run: UnsafeBufferPointer<UInt8>) {
        field.append(contentsOf: run)
        var characters = 0
        for byte in run where byte & 0xC0 != 0x80 { characters += 1 }
        column += characters
    }

    private mutating func endLine(after byte: UInt8) {
        line += 1
        column = 0
        skipsLineFeed = byte == 0x0D
    }

    private mutating func endField() -> CSVError? {
        let text: String
        if field.allSatisfy({ $0 < 0x80 }) {
            text = String(decoding: field, as: UTF8.self)
        } else {
            // Decoding repairs invalid UTF-8 with U+FFFD; a repaired field no longer matches its bytes.
            text = String(decoding: field, as: UTF8.self)
            guard text.utf8.elementsEqual(field) else {
                return .invalidUTF8(source: source, line: recordLine, field: fields.count + 1)
            }
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
        state = .fieldStart
        return nil
    }
}
