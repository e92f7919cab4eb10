import Foundation

/// The ZIP archive of a smoke report folder.
public struct SmokeArchiveResult: Sendable, Hashable {
    /// `<report folder>.zip`, next to the folder.
    public var url: URL
    /// Lower-case hex SHA-256 of the archive file, as `sha256sum` prints it.
    public var sha256: String
    public var sizeBytes: Int64
}
