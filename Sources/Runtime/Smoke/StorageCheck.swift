import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Measures the free space of the file system holding a folder (`--smoke-min-free-mb`).
public enum StorageCheck {
    /// The free and total space of the file system holding `directory`, compared with `minimumFreeMB` MiB
    /// (negative thresholds count as 0; nil means no threshold, so the status is `ok` or `unknown`).
    ///
    /// Never throws: a failed query yields status `unknown` with the reason in ``StorageStatus/error``.
    public static func measure(directory: URL, minimumFreeMB: Double?) -> StorageStatus {
        let threshold = minimumFreeMB.map { megabytes -> UInt64 in
            guard megabytes.isFinite else { return megabytes > 0 ? UInt64.max : 0 }
            // Same as the reference's int(mb * 1048576): truncation toward zero.
            return UInt64(clamping: Int64(max(megabytes, 0) * 1_048_576))
        }
        var info = statvfs()
        guard statvfs(directory.path, &info) == 0 else {
            let code = errno
            return StorageStatus(
                directory: directory.path, status: .unknown, freeBytes: nil, totalBytes: nil,
                thresholdBytes: threshold,
                error: "statvfs failed on \(directory.path): \(SmokeReportError.reason(code))")
        }
        let blockSize = UInt64(info.f_frsize)
        let free = UInt64(info.f_bavail) &* blockSize
        let total = UInt64(info.f_blocks) &* blockSize
        let status: StorageStatus.Status = threshold.map { free < $0 } == true ? .low : .ok
        return StorageStatus(
            directory: directory.path, status: status, freeBytes: free, totalBytes: total, thresholdBytes: threshold)
    }
}
