import BotData

/// Where a pre-check report was kept and how to verify it: `sha256` and `sizeBytes` are of the whole file,
/// trailing newline included, so `sha256sum <path>` prints the same digest.
public struct PrecheckAuditRecord: Sendable, Hashable {
    /// The report file.
    public let path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    public let sha256: String
    /// When it was written, `2024-01-31T12:00:30+00:00` (whole seconds, as in the file name).
    public let createdAt: String
    public let environment: String
    /// The report's overall status (`ok`, `warning`, `error`).
    public let status: String
    /// The file's size in bytes.
    public let sizeBytes: Int

    /// `{path, sha256, created_at, environment, status, size_bytes}`.
    public var json: ReportJSON {
        .object([
            ("path", .string(path)), ("sha256", .string(sha256)), ("created_at", .string(createdAt)),
            ("environment", .string(environment)), ("status", .string(status)),
            ("size_bytes", .integer(Int64(sizeBytes))),
        ])
    }
}
