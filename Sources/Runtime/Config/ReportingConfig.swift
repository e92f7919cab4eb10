/// `reporting`: report schedule and retention, and where paper-smoke artefacts are copied.
public struct ReportingConfig: Sendable, Equatable {
    /// `daily_report_time_utc` (`21:00`).
    public let dailyReportTimeUTC: String?
    /// `weekly_report_day` (`sunday`).
    public let weeklyReportDay: String?
    /// `retention_months`, kept as text (`24`).
    public let retentionMonths: String?
    /// `smoke_archive_upload`: where the paper-smoke zip goes after a successful run.
    public let smokeArchiveUpload: ArtifactUploadConfig?
    /// `paper_smoke_json_sync`: where the paper-smoke JSONL log is replicated.
    public let paperSmokeJSONSync: ArtifactUploadConfig?

    /// No reporting configured.
    public static let empty = ReportingConfig(
        dailyReportTimeUTC: nil, weeklyReportDay: nil, retentionMonths: nil, smokeArchiveUpload: nil,
        paperSmokeJSONSync: nil)
}

/// `smoke_archive_upload` / `paper_smoke_json_sync`: a local folder or an S3 bucket.
public struct ArtifactUploadConfig: Sendable, Equatable {
    /// Where artefacts go.
    public enum Backend: String, Sendable, Equatable {
        /// A local (or mounted) folder.
        case local
        /// An S3-compatible bucket.
        case s3
    }

    /// `backend` (alias `type`), default `local`.
    public let backend: Backend
    /// `credential_secret`: the secret holding the S3 keys.
    public let credentialSecret: String?
    /// `local`, required for the local backend.
    public let local: LocalUploadConfig?
    /// `s3`, required for the s3 backend.
    public let s3: S3UploadConfig?
}

/// `…upload.local`.
public struct LocalUploadConfig: Sendable, Equatable {
    /// `directory`.
    public let directory: String
    /// `filename_pattern` with `{environment}`, `{hash}`, `{timestamp}`, `{date}`… placeholders.
    public let filenamePattern: String
    /// `fsync`, default false.
    public let fsync: Bool
}

/// `…upload.s3`.
public struct S3UploadConfig: Sendable, Equatable {
    /// `bucket`.
    public let bucket: String
    /// `prefix`: the object key prefix.
    public let objectPrefix: String?
    /// `endpoint_url`, for S3-compatible servers.
    public let endpointURL: String?
    /// `region`.
    public let region: String?
    /// `use_ssl`, default true.
    public let useSSL: Bool
    /// `extra_args`, values as text.
    public let extraArgs: [String: String]
}
