import BotCrypto
import Foundation

enum ChaCha20Benchmark: Benchmark {
    static let name = "chacha20"
    static let summary = "ChaCha20-Poly1305 seal/open throughput (--megabytes N)"

    static func run(arguments: [String]) async throws -> [String: any Sendable] {
        let megabytes = try option("megabytes", in: arguments, default: 256)
        guard megabytes > 0 else { throw BenchmarkUsageError(description: "--megabytes must be positive") }
        let key = try SystemRandom.bytes(count: 32)
        let nonce = try SystemRandom.bytes(count: 12)
        let aad = Array("benchmark".utf8)
        // Messages of 1 MiB, sealed and opened `megabytes` times through the public one-shot API.
        let plaintext = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var sealed = [UInt8]()
        var cpuBefore = threadCPUSeconds()
        let sealSeconds = try secondsTaken {
            for _ in 0..<megabytes {
                sealed = try ChaChaPoly.seal(plaintext, key: key, nonce: nonce, authenticating: aad)
            }
        }
        let sealCPUSeconds = threadCPUSeconds() - cpuBefore
        var opened = [UInt8]()
        cpuBefore = threadCPUSeconds()
        let openSeconds = try secondsTaken {
            for _ in 0..<megabytes {
                opened = try ChaChaPoly.open(sealed, key: key, nonce: nonce, authenticating: aad)
            }
        }
        let openCPUSeconds = threadCPUSeconds() - cpuBefore
        guard opened == plaintext else { throw BenchmarkUsageError(description: "open did not return the plaintext") }
        // age end to end: one file of `megabytes` MiB at work factor 10, so the 64 KiB STREAM dominates.
        let file = [UInt8](repeating: 0x61, count: megabytes << 20)
        var encrypted = Data()
        let ageEncryptSeconds = try secondsTaken {
            encrypted = try Age.encrypt(file, passphrase: "benchmark", workFactor: 10)
        }
        let ageDecryptSeconds = try secondsTaken {
            _ = try Age.decrypt(encrypted, passphrase: "benchmark")
        }
        // scrypt at age's default work factor (2^18, r = 8: 256 MiB).
        cpuBefore = threadCPUSeconds()
        let scryptSeconds = try secondsTaken {
            _ = try Scrypt.derive(
                password: Array("benchmark".utf8), salt: Array("salt".utf8), logN: 18, r: 8, p: 1, keyLength: 32)
        }
        let scryptCPUSeconds = threadCPUSeconds() - cpuBefore
        return [
            "megabytes": megabytes,
            "seal_seconds": sealSeconds,
            "seal_mb_per_s": Double(megabytes) / sealSeconds,
            "seal_cpu_mb_per_s": Double(megabytes) / sealCPUSeconds,
            "open_seconds": openSeconds,
            "open_mb_per_s": Double(megabytes) / openSeconds,
            "open_cpu_mb_per_s": Double(megabytes) / openCPUSeconds,
            "age_encrypt_mb_per_s": Double(megabytes) / ageEncryptSeconds,
            "age_decrypt_mb_per_s": Double(megabytes) / ageDecryptSeconds,
            "scrypt_logn18_seconds": scryptSeconds,
            "scrypt_logn18_cpu_seconds": scryptCPUSeconds,
            "peak_rss_mb": peakResidentMegabytes() ?? -1,
        ]
    }
}
