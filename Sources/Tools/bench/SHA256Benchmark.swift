import BotCrypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum SHA256Benchmark: Benchmark {
    static let name = "sha256"
    static let summary = "SHA-256 throughput (--megabytes N)"

    static func run(arguments: [String]) async throws -> [String: any Sendable] {
        let megabytes = try option("megabytes", in: arguments, default: 256)
        guard megabytes > 0 else { throw BenchmarkUsageError(description: "--megabytes must be positive") }
        // One MiB of non-constant data, hashed `megabytes` times through the incremental API.
        let block = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        var sha256Digest = [UInt8]()
        let cpuBefore = threadCPUSeconds()
        let sha256Seconds = secondsTaken {
            var hash = SHA256()
            block.withUnsafeBytes { bytes in
                for _ in 0..<megabytes { hash.update(bytes) }
            }
            sha256Digest = hash.finalize()
        }
        let sha256CPUSeconds = threadCPUSeconds() - cpuBefore
        var sha512Digest = [UInt8]()
        let sha512Seconds = secondsTaken {
            var hash = SHA512()
            block.withUnsafeBytes { bytes in
                for _ in 0..<megabytes { hash.update(bytes) }
            }
            sha512Digest = hash.finalize()
        }
        // Many short messages, as request signing does: HMAC-SHA256 over 100-byte query strings.
        let message = Array(block.prefix(100))
        let key = Array(block.prefix(64))
        let hmacCount = 200_000
        var checksum: UInt8 = 0
        let hmacSeconds = secondsTaken {
            for _ in 0..<hmacCount { checksum ^= HMAC.sha256(key: key, message: message)[0] }
        }
        return [
            "megabytes": megabytes,
            "sha256_seconds": sha256Seconds,
            "sha256_mb_per_s": Double(megabytes) / sha256Seconds,
            "sha256_cpu_mb_per_s": Double(megabytes) / sha256CPUSeconds,
            "sha256_digest": Hex.encode(sha256Digest),
            "sha512_seconds": sha512Seconds,
            "sha512_mb_per_s": Double(megabytes) / sha512Seconds,
            "sha512_digest_prefix": Hex.encode(sha512Digest.prefix(8)),
            "hmac_sha256_100_byte_messages_per_s": Double(hmacCount) / hmacSeconds,
            "hmac_checksum": Int(checksum),
        ]
    }
}

/// CPU time used by the calling thread, in seconds: unlike wall time, it does not grow when other processes
/// compete for the cores, so it is the steadier number on a shared machine.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
