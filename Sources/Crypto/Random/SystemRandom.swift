import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cryptographically secure random bytes from the operating system's generator.
///
/// Linux: getrandom(2), falling back to reading `/dev/urandom` only when the system call does not exist
/// (old kernels). macOS: getentropy(2). There is no user-space generator and no weak fallback: if the
/// kernel cannot provide randomness, the call throws.
public enum SystemRandom {
    /// `count` random bytes.
    public static func bytes(count: Int) throws(SystemRandomError) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var failure: SystemRandomError?
        bytes.withUnsafeMutableBytes { buffer in
            do throws(SystemRandomError) { try fill(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Fills `buffer` with random bytes.
    public static func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(SystemRandomError) {
        guard let start = buffer.baseAddress, buffer.count > 0 else { return }
        #if canImport(Glibc)
            // Glibc's Swift module does not export getrandom(3), so it is looked up by name (glibc ≥ 2.25).
            guard let symbol = dlsym(nil, "getrandom") else {
                try readDeviceRandom(into: buffer)
                return
            }
            typealias GetRandom = @convention(c) (UnsafeMutableRawPointer?, Int, UInt32) -> Int
            let getrandom = unsafeBitCast(symbol, to: GetRandom.self)
            var filled = 0
            while filled < buffer.count {
                let result = getrandom(start + filled, buffer.count - filled, 0)
                if result > 0 {
                    filled += result
                } else if result < 0 && errno == EINTR {
                    continue
                } else if result < 0 && errno == ENOSYS {
                    try readDeviceRandom(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                    return
                } else {
                    throw .unavailable(source: "getrandom(2)", errno: errno)
                }
            }
        #elseif canImport(Darwin)
            var filled = 0
            while filled < buffer.count {
                let chunk = min(256, buffer.count - filled)
                guard getentropy(start + filled, chunk) == 0 else {
                    throw .unavailable(source: "getentropy(2)", errno: errno)
                }
                filled += chunk
            }
        #else
            throw .unavailable(source: "this platform", errno: 0)
        #endif
    }

    #if canImport(Glibc)
        private static func readDeviceRandom(into buffer: UnsafeMutableRawBufferPointer) throws(SystemRandomError) {
            let descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .unavailable(source: "/dev/urandom", errno: errno) }
            defer { close(descriptor) }
            var filled = 0
            while filled < buffer.count {
                let result = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if result > 0 {
                    filled += result
                } else if result < 0 && errno == EINTR {
                    continue
                } else {
                    throw .unavailable(source: "/dev/urandom", errno: result == 0 ? EIO : errno)
                }
            }
        }
    #endif
}
