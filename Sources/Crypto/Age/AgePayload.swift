import Foundation

/// The age payload: STREAM over ChaCha20-Poly1305 with 64 KiB chunks.
///
/// Chunk i uses the nonce ‖ 11-byte big-endian i ‖ 0x01 for the final chunk, 0x00 otherwise. The final
/// chunk may be full; it is empty only when the whole plaintext is empty.
enum AgePayload {
    static let chunkSize = 64 * 1024
    static let sealedChunkSize = chunkSize + ChaChaPoly.tagByteCount

    static func seal(_ plaintext: [UInt8], key: [UInt8], appendingTo output: inout [UInt8]) {
        // The key is 32 bytes by construction (HKDF output).
        guard let cipher = try? ChaChaPoly.Key(key) else { return }
        let chunkCount = max(1, (plaintext.count + chunkSize - 1) / chunkSize)
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: plaintext.count + chunkCount * ChaChaPoly.tagByteCount))
        plaintext.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { destination in
                for chunk in 0..<chunkCount {
                    let from = chunk * chunkSize
                    let count = min(chunkSize, plaintext.count - from)
                    let input = UnsafeRawBufferPointer(rebasing: source[from..<(from + count)])
                    cipher.seal(
                        input, nonce: nonce(chunk: chunk, final: chunk == chunkCount - 1),
                        aad: UnsafeRawBufferPointer(start: nil, count: 0),
                        into: destination.baseAddress! + start + chunk * sealedChunkSize)
                }
            }
        }
    }

    static func open(_ sealed: ArraySlice<UInt8>, key: [UInt8]) throws(AgeError) -> [UInt8] {
        guard let cipher = try? ChaChaPoly.Key(key) else { throw .payloadAuthenticationFailed(chunk: 0) }
        guard !sealed.isEmpty else { throw .truncated(reason: "the payload has a nonce but no chunks") }
        let chunkCount = (sealed.count + sealedChunkSize - 1) / sealedChunkSize
        let lastSealedCount = sealed.count - (chunkCount - 1) * sealedChunkSize
        guard lastSealedCount >= ChaChaPoly.tagByteCount else {
            throw .truncated(reason: "the last payload chunk is \(lastSealedCount) bytes, shorter than its tag")
        }
        var plaintext = [UInt8](repeating: 0, count: sealed.count - chunkCount * ChaChaPoly.tagByteCount)
        var failure: AgeError?
        sealed.withUnsafeBytes { source in
            plaintext.withUnsafeMutableBytes { destination in
                for chunk in 0..<chunkCount {
                    let from = chunk * sealedChunkSize
                    let count = min(sealedChunkSize, source.count - from)
                    let input = UnsafeRawBufferPointer(rebasing: source[from..<(from + count)])
                    let isFinal = chunk == chunkCount - 1
                    let output = destination.baseAddress.map { $0 + chunk * chunkSize }
                    let noAAD = UnsafeRawBufferPointer(start: nil, count: 0)
                    if cipher.open(input, nonce: nonce(chunk: chunk, final: isFinal), aad: noAAD, into: output) {
                        continue
                    }
                    // A full last chunk that authenticates as a non-final one means the file was cut at a
                    // chunk boundary rather than altered.
                    if isFinal, count == sealedChunkSize,
                        cipher.open(input, nonce: nonce(chunk: chunk, final: false), aad: noAAD, into: nil)
                    {
                        failure = .truncated(reason: "the payload stops after chunk \(chunk) without a final chunk")
                    } else {
                        failure = .payloadAuthenticationFailed(chunk: chunk)
                    }
                    return
                }
            }
        }
        if let failure { throw failure }
        if chunkCount > 1, lastSealedCount == ChaChaPoly.tagByteCount {
            throw .malformedPayload(chunk: chunkCount - 1, reason: "the final chunk is empty but is not the only chunk")
        }
        return plaintext
    }

    static func nonce(chunk: Int, final: Bool) -> ChaCha20.NonceWords {
        // Bytes 0–2 of the 11-byte counter are zero (chunk < 2^64); bytes 3–10 hold the counter big-endian.
        let counter = UInt64(chunk)
        var bytes = [UInt8](repeating: 0, count: 12)
        for index in 0..<8 { bytes[3 + index] = UInt8(truncatingIfNeeded: counter >> (56 - 8 * UInt64(index))) }
        bytes[11] = final ? 1 : 0
        return (
            UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24,
            UInt32(bytes[4]) | UInt32(bytes[5]) << 8 | UInt32(bytes[6]) << 16 | UInt32(bytes[7]) << 24,
            UInt32(bytes[8]) | UInt32(bytes[9]) << 8 | UInt32(bytes[10]) << 16 | UInt32(bytes[11]) << 24
        )
    }
}
