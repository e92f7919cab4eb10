import BotCodecs
import Foundation
import TestSupport
import Testing

/// The YAML corpus checked against PyYAML: every valid fixture (and the shipped `config/core.yaml`) must
/// read to the same canonical JSON as `yaml.safe_load_all`; every malformed fixture must fail at the
/// line and column recorded in `invalid/expected-errors.json`, and PyYAML must reject it too unless the
/// record says PyYAML accepts it (duplicate keys, integers beyond 64 bits).
@Suite struct YAMLCorpusTests {
    struct OracleOutcome: Decodable, Sendable {
        var json: String?
        var error: String?
        var line: Int?
        var column: Int?
    }

    struct ExpectedError: Decodable, Sendable {
        var line: Int
        var column: Int
        var kind: String
        var pyyamlAccepts: Bool?
    }

    struct OracleFailure: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    static let validDirectory = PackageLayout.fixtures.appendingPathComponent("yaml/valid")
    static let invalidDirectory = PackageLayout.fixtures.appendingPathComponent("yaml/invalid")
    static let coreConfig = PackageLayout.root.appendingPathComponent("config/core.yaml")

    static func yamlFiles(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0) }
    }

    static let validFiles = yamlFiles(in: validDirectory) + [coreConfig]
    static let invalidFiles = yamlFiles(in: invalidDirectory)

    /// One PyYAML run for the whole corpus keeps the suite fast.
    static let oracle: Result<[String: OracleOutcome], OracleFailure> = {
        do {
            let paths = (validFiles + invalidFiles).map(\.path)
            let result = try Oracle.python("yaml_to_json.py", paths)
            return .success(try JSONDecoder().decode([String: OracleOutcome].self, from: result.standardOutput))
        } catch {
            return .failure(OracleFailure(description: "PyYAML oracle failed: \(error)"))
        }
    }()

    static let expectedErrors: [String: ExpectedError] = {
        let url = invalidDirectory.appendingPathComponent("expected-errors.json")
        guard let data = try? Data(contentsOf: url),
            let decoded = try? JSONDecoder().decode([String: ExpectedError].self, from: data)
        else { return [:] }
        return decoded
    }()

    static func read(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    @Test func corpusCoversEnoughCases() {
        #expect(Self.validFiles.count >= 41)
        #expect(Self.invalidFiles.count >= 12)
        #expect(Set(Self.expectedErrors.keys) == Set(Self.invalidFiles.map(\.lastPathComponent)))
    }

    @Test(arguments: validFiles)
    func validFileReadsLikePyYAML(file: URL) throws {
        let outcomes = try Self.oracle.get()
        let expected = try #require(outcomes[file.path], "oracle gave no result for \(file.path)")
        let pyyamlJSON = try #require(
            expected.json, "PyYAML rejects \(file.lastPathComponent): \(expected.error ?? "")")
        let documents = try YAMLDocument.parseAll(utf8: Self.read(file), fileName: file.lastPathComponent)
        #expect(YAMLCanonicalJSON.render(documents) == pyyamlJSON)
    }

    @Test(arguments: invalidFiles)
    func invalidFileFailsWhereRecorded(file: URL) throws {
        let name = file.lastPathComponent
        let expected = try #require(Self.expectedErrors[name], "no entry for \(name) in expected-errors.json")
        let outcomes = try Self.oracle.get()
        let pyyaml = try #require(outcomes[file.path])
        if expected.pyyamlAccepts == true {
            #expect(pyyaml.json != nil, "PyYAML was expected to accept \(name)")
        } else {
            #expect(pyyaml.error != nil, "PyYAML accepts \(name), so it is not a malformed document")
        }
        let bytes = try Self.read(file)
        do {
            let documents = try YAMLDocument.parseAll(utf8: bytes, fileName: name)
            Issue.record("\(name) was read without error: \(YAMLCanonicalJSON.render(documents))")
        } catch {
            #expect(error.line == expected.line && error.column == expected.column, "\(error)")
            #expect(Self.kind(of: error) == expected.kind, "\(error)")
            #expect(error.description.hasPrefix("\(name):\(expected.line):\(expected.column): "))
        }
    }

    static func kind(of error: YAMLError) -> String {
        switch error {
        case .invalidCharacter: return "invalidCharacter"
        case .invalidUTF8: return "invalidUTF8"
        case .tab: return "tab"
        case .unterminatedScalar: return "unterminatedScalar"
        case .unterminatedFlowCollection: return "unterminatedFlowCollection"
        case .badIndentation: return "badIndentation"
        case .duplicateKey: return "duplicateKey"
        case .undefinedAlias: return "undefinedAlias"
        case .recursiveAlias: return "recursiveAlias"
        case .duplicateAnchor: return "duplicateAnchor"
        case .aliasExpansionTooLarge: return "aliasExpansionTooLarge"
        case .nestingTooDeep: return "nestingTooDeep"
        case .unknownTag: return "unknownTag"
        case .invalidTaggedValue: return "invalidTaggedValue"
        case .invalidEscape: return "invalidEscape"
        case .integerOutOfRange: return "integerOutOfRange"
        case .invalidMerge: return "invalidMerge"
        case .nonScalarKey: return "nonScalarKey"
        case .unsupported: return "unsupported"
        case .multipleDocuments: return "multipleDocuments"
        case .syntax: return "syntax"
        }
    }
}
