#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The size and modification time of a file, read with `stat`: the cheap check that decides whether a
/// recorded partition must be hashed again when the store opens.
struct FileStatus: Equatable {
    let bytes: Int
    let modifiedNanoseconds: Int64

    /// The status of the regular file at `path`, nil when there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        bytes = Int(info.st_size)
        #if canImport(Darwin)
            modifiedNanoseconds = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
            modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }
}
