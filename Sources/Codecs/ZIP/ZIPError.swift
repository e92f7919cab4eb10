/// A failure writing or reading a ZIP archive.
public enum ZIPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An entry is too large for a 32-bit ZIP size field.
    case entryNeedsZIP64(entry: String, size: Int64)
    /// An entry or the central directory would start beyond the 32-bit offset range.
    case offsetNeedsZIP64(entry: String, offset: Int64)
    /// More entries than the 16-bit count field holds.
    case tooManyEntries(limit: Int)
    /// An entry name that could escape the extraction folder or is not portable.
    case unsafeName(String, reason: String)
    /// Two entries with the same name.
    case duplicateName(String)
    /// A source file changed size or content while it was being archived.
    case sourceChanged(path: String)
    /// A system call failed (`operation` is "open", "write", "rename", …).
    case io(operation: String, path: String, code: Int32)
    /// zlib failed while compressing an entry (not a data problem: memory or library state).
    case compression(entry: String, reason: String)
    /// The writer was used after ``ZIPWriter/finish()`` or after an earlier failure abandoned the archive.
    case writerClosed(path: String)
    /// No end of central directory record: the file is not a ZIP archive or its end was cut off.
    case notAnArchive(path: String)
    /// The archive ends before a structure it declares.
    case truncated(path: String, detail: String)
    /// A structure of the archive is inconsistent.
    case corrupt(path: String, detail: String)
    /// The archive uses a feature this reader does not implement (ZIP64, encryption, a compression method).
    case unsupported(path: String, entry: String, feature: String)
    /// An entry's data does not match the CRC-32 recorded for it.
    case crcMismatch(path: String, entry: String, expected: UInt32, actual: UInt32)
    /// An entry's data does not have the size recorded for it.
    case sizeMismatch(path: String, entry: String, expected: Int64, actual: Int64)
    /// No entry has this name.
    case entryNotFound(path: String, name: String)

    init(_ error: SystemCallError) {
        self = .io(operation: error.operation, path: error.path, code: error.code)
    }

    public var description: String {
        switch self {
        case .entryNeedsZIP64(let entry, let size):
            "archive would need ZIP64 (entry \(entry) is \(size) bytes, the limit is 4 GiB - 2); "
                + "split the archive or compress that file separately"
        case .offsetNeedsZIP64(let entry, let offset):
            "archive would need ZIP64 (\(entry) would start at byte \(offset), beyond 4 GiB); "
                + "split the archive into parts under 4 GiB"
        case .tooManyEntries(let limit):
            "archive would need ZIP64 (more than \(limit) entries); split the archive into parts"
        case .unsafeName(let name, let reason):
            "unsafe ZIP entry name '\(name)': \(reason); use a relative path with '/' separators"
        case .duplicateName(let name):
            "the archive already has an entry named '\(name)'; each name may appear once"
        case .sourceChanged(let path):
            "\(path) changed while it was being archived; stop whatever writes it and re-run"
        case .io(let operation, let path, let code):
            "ZIP \(operation) failed on \(path): \(SystemCallError.reason(for: code).lowercased()); "
                + SystemCallError.advice(for: code)
        case .compression(let entry, let reason):
            "compressing ZIP entry \(entry) failed: \(reason)"
        case .writerClosed(let path):
            "the ZIP writer for \(path) was used after it finished or failed; start a new archive"
        case .notAnArchive(let path):
            "\(path) is not a ZIP archive (no end of central directory record); it may be truncated"
        case .truncated(let path, let detail):
            "ZIP archive \(path) is truncated: \(detail); copy or download it again"
        case .corrupt(let path, let detail):
            "ZIP archive \(path) is corrupt: \(detail); copy or download it again"
        case .unsupported(let path, let entry, let feature):
            "ZIP archive \(path), entry \(entry): \(feature) is not supported; re-create it without that feature"
        case .crcMismatch(let path, let entry, let expected, let actual):
            "ZIP archive \(path), entry \(entry): CRC-32 is \(hex(actual)) but the archive records \(hex(expected)); "
                + "the data is damaged, copy or download it again"
        case .sizeMismatch(let path, let entry, let expected, let actual):
            "ZIP archive \(path), entry \(entry): \(actual) bytes but the archive records \(expected); "
                + "the data is damaged, copy or download it again"
        case .entryNotFound(let path, let name):
            "ZIP archive \(path) has no entry named '\(name)'"
        }
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}
