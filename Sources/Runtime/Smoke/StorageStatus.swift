import BotData

/// How much room the file system holding the smoke report has, against an optional threshold.
public struct StorageStatus: Sendable, Hashable {
    /// The outcome of the measurement.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Free space is at or above the threshold (or no threshold was set).
        case ok
        /// Free space is below the threshold.
        case low
        /// The file system could not be queried; see ``StorageStatus/error``.
        case unknown
    }

    /// The folder that was measured.
    public var directory: String
    public var status: Status
    /// Bytes available to an unprivileged user; nil when unknown.
    public var freeBytes: UInt64?
    /// The file system's size in bytes; nil when unknown.
    public var totalBytes: UInt64?
    /// The free-space threshold in bytes; nil when none was set.
    public var thresholdBytes: UInt64?
    /// Why the file system could not be queried; nil unless ``status`` is ``Status/unknown``.
    public var error: String?

    /// A measurement with every field given.
    public init(
        directory: String, status: Status, freeBytes: UInt64?, totalBytes: UInt64?, thresholdBytes: UInt64?,
        error: String? = nil
    ) {
        self.directory = directory
        self.status = status
        self.freeBytes = freeBytes
        self.totalBytes = totalBytes
        self.thresholdBytes = thresholdBytes
        self.error = error
    }

    /// Free space in MiB (2^20 bytes), rounded to 2 decimals.
    public var freeMB: Double? { freeBytes.map { Self.megabytes($0) } }
    /// File-system size in MiB, rounded to 2 decimals.
    public var totalMB: Double? { totalBytes.map { Self.megabytes($0) } }
    /// The threshold in MiB, rounded to 2 decimals.
    public var thresholdMB: Double? { thresholdBytes.map { Self.megabytes($0) } }

    /// Whether free space is below the threshold.
    public var isLow: Bool { status == .low }

    static func megabytes(_ bytes: UInt64) -> Double {
        PythonFloat.round(Double(bytes) / 1_048_576, places: 2)
    }

    /// The `storage` object of `summary.json`: threshold fields only when a threshold was set, `error` only
    /// when the query failed.
    var json: ReportJSON {
        var members: [(String, ReportJSON)] = [("directory", .string(directory)), ("status", .string(status.rawValue))]
        if let freeBytes, let totalBytes {
            members += [
                ("free_bytes", .integer(Int64(clamping: freeBytes))), ("total_bytes", .integer(Int64(clamping: totalBytes))),
                ("free_mb", .number(Self.megabytes(freeBytes))), ("total_mb", .number(Self.megabytes(totalBytes))),
            ]
        }
        if let thresholdBytes {
            members += [
                ("threshold_bytes", .integer(Int64(clamping: thresholdBytes))),
                ("threshold_mb", .number(Self.megabytes(thresholdBytes))),
            ]
        }
        if let error { members.append(("error", .string(error))) }
        return .object(members)
    }
}
