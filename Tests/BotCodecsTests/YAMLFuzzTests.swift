import BotCodecs
import Foundation
import TestSupport
import Testing

/// Randomised tests, deterministic (fixed seeds) so a failure reproduces: mutations of every corpus file
/// must either read or throw a `YAMLError` that points inside the text (never crash or hang), and random
/// documents written by PyYAML's emitter must read exactly as PyYAML reads them.
@Suite struct YAMLFuzzTests {

    /// Bytes that matter to YAML's grammar, so mutations hit interesting paths.
    static let alphabet: [UInt8] = Array(" \n\t-:?#&*!|>'\"%@`,[]{}<=~.0123456789abexyz\\".utf8) + [0xC3, 0xA9]

    static func mutate(_ bytes: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = result.isEmpty ? 0 : Int.random(in: 0..<result.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: result.insert(alphabet.randomElement(using: &random)!, at: position)
            case 1: if !result.isEmpty { result.remove(at: position) }
            case 2: if !result.isEmpty { result[position] = alphabet.randomElement(using: &random)! }
            case 3:
                let length = min(result.count - position, Int.random(in: 1...40, using: &random))
                result.removeSubrange(position..<(position + length))
            case 4:
                let length = min(result.count - position, Int.random(in: 1...40, using: &random))
                result.insert(contentsOf: result[position..<(position + length)], at: position)
            default:
                result.insert(
                    contentsOf: Array(repeating: UInt8(ascii: " "), count: Int.random(in: 1...3, using: &random)),
                    at: position)
            }
        }
        return result
    }

    @Test func mutatedCorpusReadsOrFailsWithPosition() throws {
        var random = SeededGenerator(seed: 0x5EED_1234)
        var parsed = 0
        var failed = 0
        for file in YAMLCorpusTests.validFiles + YAMLCorpusTests.invalidFiles {
            let original = [UInt8](try Data(contentsOf: file))
            for _ in 0..<40 {
                let bytes = Self.mutate(original, using: &random)
                let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
                do {
                    let documents = try YAMLDocument.parseAll(utf8: bytes)
                    _ = YAMLCanonicalJSON.render(documents)
                    parsed += 1
                } catch {
                    failed += 1
                    #expect(
                        error.line >= 1 && error.line <= lines + 1, "\(error) in mutation of \(file.lastPathComponent)")
                    #expect(error.column >= 1, "\(error)")
                }
            }
        }
        #expect(parsed > 0 && failed > 0)
    }

    struct EmittedCase: Decodable {
        var yaml: String
        var json: String
    }

    /// PyYAML's emitter, with random options over random trees of tricky scalars, writes documents in
    /// styles a hand-written corpus misses (folded quoted scalars, explicit keys, flow in block, every
    /// chomping); each must read exactly as PyYAML reads it.
    @Test func documentsEmittedByPyYAMLReadTheSame() throws {
        let output = try Oracle.python("yaml_random_documents.py", ["20261121", "500"])
        let cases = try JSONDecoder().decode([EmittedCase].self, from: output.standardOutput)
        #expect(cases.count == 500)
        var mismatches = 0
        for item in cases {
            do {
                let documents = try YAMLDocument.parseAll(item.yaml)
                if YAMLCanonicalJSON.render(documents) != item.json {
                    mismatches += 1
                    Issue.record("read differently from PyYAML:\n\(item.yaml)")
                }
            } catch {
                mismatches += 1
                Issue.record("\(error) for a document PyYAML reads:\n\(item.yaml)")
            }
            if mismatches >= 5 { break }
        }
    }
}
