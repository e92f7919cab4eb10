import BotCodecs
import Foundation
import TestSupport
import Testing

@Suite struct YAMLDocumentTests {
    @Test func readsNestedConfigWithAccessors() throws {
        let text = """
            environments:
              binance_paper:
                exchange: binance_spot
                tick: 60
                ratio: 0.95
                enabled: yes
                channels: [telegram:primary, email:ops]
            """
        let root = try YAMLDocument.parse(text, fileName: "core.yaml")
        let paper = try #require(root["environments"]?["binance_paper"])
        #expect(paper["exchange"]?.string == "binance_spot")
        #expect(paper["tick"]?.int == 60)
        #expect(paper["tick"]?.double == 60.0)
        #expect(paper["ratio"]?.double == 0.95)
        #expect(paper["ratio"]?.int == nil)
        #expect(paper["enabled"]?.bool == true)
        #expect(paper["channels"]?[1]?.string == "email:ops")
        #expect(paper["channels"]?[2] == nil)
        #expect(paper["missing"] == nil)
        #expect(paper.mapping?.stringKeys == ["exchange", "tick", "ratio", "enabled", "channels"])
    }

    @Test func nodesCarryLineAndColumnOfKeysAndValues() throws {
        let text = "# comment\nenvironments:\n  binance_paper:\n    exchange:   binance_spot\n    list:\n    - a\n"
        let root = try YAMLDocument.parse(text, fileName: "config/core.yaml")
        let path = ["environments", "binance_paper", "exchange"]
        let value = try #require(root.node(at: path))
        #expect(value.mark == YAMLMark(fileName: "config/core.yaml", line: 4, column: 17))
        let key = try #require(root.keyNode(at: path))
        #expect(key.mark.line == 4 && key.mark.column == 5)
        #expect(key.mark.description == "config/core.yaml:4:5")
        #expect(root.node(at: ["environments", "binance_paper", "list"])?[0]?.mark.line == 6)
        #expect(root.mark.line == 2 && root.mark.column == 1)
    }

    @Test func columnsCountUnicodeScalarsNotBytes() {
        #expect(throws: YAMLError.undefinedAlias(name: "missing", at: YAMLMark(line: 1, column: 16))) {
            try YAMLDocument.parse("zażółć: [jaźń, *missing]")
        }
    }

    @Test func literalsBuildExpectedValues() throws {
        let root = try YAMLDocument.parse("a: 1\nb: [x, 2.5, null, true]\nc: {d: e}\n")
        #expect(root.value == ["a": 1, "b": ["x", 2.5, nil, true], "c": ["d": "e"]])
        #expect(root.value != ["a": 1])
        #expect(YAMLValue.int(1) != YAMLValue.double(1))
    }

    @Test func duplicateKeyNamesBothLines() {
        let text = "environments:\n  paper:\n    exchange: a\n    other: b\n    exchange: c\n"
        #expect(
            throws: YAMLError.duplicateKey(
                key: "exchange", at: YAMLMark(fileName: "config/core.yaml", line: 5, column: 5),
                firstAt: YAMLMark(fileName: "config/core.yaml", line: 3, column: 5))
        ) {
            try YAMLDocument.parse(text, fileName: "config/core.yaml")
        }
        do {
            _ = try YAMLDocument.parse(text, fileName: "config/core.yaml")
        } catch {
            #expect(
                error.description.hasPrefix(
                    "config/core.yaml:5:5: duplicate key 'exchange' in mapping (first at line 3)"))
        }
    }

    @Test func keysFollowPythonEqualityForDuplicates() {
        #expect(throws: YAMLError.self) { try YAMLDocument.parse("1: a\n1.0: b\n") }
        #expect(throws: YAMLError.self) { try YAMLDocument.parse("1: a\ntrue: b\n") }
        #expect(throws: Never.self) { try YAMLDocument.parse("1: a\n'1': b\n") }
    }

    @Test func mappingLookupByNonStringKeys() throws {
        let root = try YAMLDocument.parse("1: one\nnull: nothing\nfalse: no\n")
        let mapping = try #require(root.mapping)
        #expect(mapping[.int(1)]?.string == "one")
        #expect(mapping[.null]?.string == "nothing")
        #expect(mapping[.bool(false)]?.bool == false)
        #expect(mapping["1"] == nil)
    }

    @Test func mergeKeysGiveExplicitKeysAndEarlierMapsPrecedence() throws {
        let text = """
            a: &a {x: 1, shared: a}
            b: &b {y: 2, shared: b}
            m:
              <<: [*a, *b]
              x: explicit
            """
        let root = try YAMLDocument.parse(text)
        let merged = try #require(root["m"])
        #expect(merged.value == ["x": "explicit", "y": 2, "shared": "a"])
        // PyYAML's order: later merged map first, then earlier ones, then the explicit keys.
        #expect(merged.mapping?.stringKeys == ["y", "shared", "x"])
        // The explicit key's position is reported for the overriding entry.
        #expect(merged.mapping?.entry(forKey: "x")?.key.mark.line == 5)
    }

    @Test func singleDocumentRefusesStreamsButParseAllReadsThem() throws {
        let stream = "a: 1\n---\nb: 2\n"
        #expect(throws: YAMLError.multipleDocuments(at: YAMLMark(line: 2, column: 1))) {
            try YAMLDocument.parse(stream)
        }
        let documents = try YAMLDocument.parseAll(stream)
        #expect(documents.map(\.value) == [["a": 1], ["b": 2]])
        #expect(try YAMLDocument.parseAll("").isEmpty)
        #expect(try YAMLDocument.parse("").isNull)
        #expect(try YAMLDocument.parse("# only a comment\n").isNull)
    }

    @Test func recursiveAliasIsRefused() {
        #expect(throws: YAMLError.recursiveAlias(name: "a", at: YAMLMark(line: 1, column: 8))) {
            try YAMLDocument.parse("a: &a [*a]")
        }
    }

    @Test func aliasBombIsRefused() {
        var text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*l\(level - 1)"
            let items = Array(repeating: previous, count: 10).joined(separator: ", ")
            text += "l\(level): &l\(level) [\(items)]\n"
        }
        #expect(throws: YAMLError.self) { try YAMLDocument.parse(text) }
        do {
            _ = try YAMLDocument.parse(text)
        } catch {
            guard case .aliasExpansionTooLarge = error else {
                Issue.record("unexpected error \(error)")
                return
            }
        }
    }

    @Test func integersBeyondInt64AreErrorsWithTheirPosition() {
        #expect(throws: YAMLError.integerOutOfRange(text: "9223372036854775808", at: YAMLMark(line: 2, column: 6))) {
            try YAMLDocument.parse("ok: 1\nbig: 9223372036854775808\n")
        }
        #expect(throws: YAMLError.integerOutOfRange(text: "0x1_0000_0000_0000_0000", at: YAMLMark(line: 1, column: 1)))
        {
            try YAMLDocument.parse("0x1_0000_0000_0000_0000")
        }
    }

    @Test(arguments: [
        ("k: !!int abc", "invalidTaggedValue"),
        ("k: !!bool maybe", "invalidTaggedValue"),
        ("k: !!str {a: 1}", "invalidTaggedValue"),
        ("k: !!python/object x", "unknownTag"),
        ("k: \"\\x4\"", "invalidEscape"),
        ("k: \"\\U00110000\"", "invalidEscape"),
        ("%TAG ! tag:example.com,2000:\n---\na: 1", "unsupported"),
        ("a: \u{2028}", "unsupported"),
        ("k: =", "syntax"),
        ("k: <<", "syntax"),
        ("{a: 1}: b", "nonScalarKey"),
        ("a: 1\n...\nb: 2", "syntax"),
        ("...\n", "syntax"),
        ("k: |x\n  a", "syntax"),
        ("<<: 1", "invalidMerge"),
        ("<<: [1]", "invalidMerge"),
        ("a: {<<: {x: 1}, <<: {y: 2}}", "invalidMerge"),
    ])
    func malformedSnippetsAreRefused(text: String, kind: String) {
        do {
            let node = try YAMLDocument.parse(text)
            Issue.record("\(text.debugDescription) read as \(node)")
        } catch {
            #expect(YAMLCorpusTests.kind(of: error) == kind, "\(error)")
            #expect(error.line >= 1 && error.column >= 1)
        }
    }

    @Test func specialKeysKeepTheirYAML11Meaning() throws {
        let root = try YAMLDocument.parse("'<<': literal\n=: equals\n")
        #expect(root.value == ["<<": "literal", "=": "equals"])
    }

    @Test func invalidUTF8BytesAreReportedWithTheirPosition() {
        #expect(throws: YAMLError.invalidUTF8(at: YAMLMark(fileName: "x.yaml", line: 2, column: 4))) {
            try YAMLDocument.parse(utf8: Array("a: 1\nb: ".utf8) + [0xC3, 0x28], fileName: "x.yaml")
        }
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: |\r\n  x\r\n  y\r\n".utf8)
        let root = try YAMLDocument.parse(utf8: bytes)
        #expect(root.value == ["a": 1, "b": "x\ny\n"])
    }

    @Test func errorDescriptionsNameFileLineAndColumn() {
        do {
            _ = try YAMLDocument.parse("key:\n\tvalue: 1\n", fileName: "config/core.yaml")
            Issue.record("a tab in the indentation was accepted")
        } catch {
            #expect(error == .tab(at: YAMLMark(fileName: "config/core.yaml", line: 2, column: 1)))
            #expect(error.description.hasPrefix("config/core.yaml:2:1: tab character"))
        }
    }

    @Test func shippedCoreConfigReadsWithPositions() throws {
        let url = PackageLayout.root.appendingPathComponent("config/core.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let root = try YAMLDocument.parse(text, fileName: "config/core.yaml")
        let environments = try #require(root["environments"]?.mapping)
        #expect(environments.count == 10)
        let exchangePath = ["environments", "binance_paper", "exchange"]
        #expect(root.node(at: exchangePath)?.string == "binance_spot")
        let key = try #require(root.keyNode(at: exchangePath))
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[key.mark.line - 1]
        #expect(line.trimmingCharacters(in: .whitespaces) == "exchange: binance_spot")
        #expect(root["risk_profiles"]?["balanced"]?["max_daily_loss_pct"]?.double == 0.015)
        #expect(root["risk_profiles"]?["manual"]?["max_open_positions"]?.int == 0)
        #expect(root["alerts"]?["telegram_channels"]?["primary"]?["chat_id"]?.string == "123456789")
        let description = try #require(
            root["instrument_universes"]?["core_multi_exchange"]?["description"]?.string)
        #expect(description.hasPrefix("Core basket available on Binance") && !description.contains("\n"))
        #expect(root["environments"]?["kraken_paper"]?["data_quality"]?["min_ok_ratio"] == nil)
    }

    @Test func canonicalJSONWritesFloatsAsPythonRepr() {
        let cases: [(Double, String)] = [
            (1e16, "1e+16"), (1e15, "1000000000000000.0"), (1e-5, "1e-05"), (1e-4, "0.0001"),
            (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
            (0.1 + 0.2, "0.30000000000000004"), (123456789.123, "123456789.123"), (-0.0, "-0.0"),
            (2.5e-7, "2.5e-07"), (1234567890123456789.0, "1.2345678901234568e+18"), (100, "100.0"),
            (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"),
        ]
        for (number, expected) in cases {
            #expect(YAMLCanonicalJSON.pythonRepr(number) == expected)
        }
    }

    @Test(arguments: [
        ("[", "]"), ("{a: ", "}"), ("- ", ""), ("a:\n", ""),
    ])
    func deepNestingEndsInAnErrorNotACrash(opening: String, closing: String) {
        let depth = 100_000
        var text = String(repeating: opening, count: depth)
        if opening == "a:\n" {
            text = (0..<300).map { String(repeating: " ", count: $0) + "a:\n" }.joined()
        }
        text += "x" + String(repeating: closing, count: depth)
        #expect(throws: YAMLError.self) { try YAMLDocument.parse(text) }
        do {
            _ = try YAMLDocument.parse(text)
        } catch {
            #expect(YAMLCorpusTests.kind(of: error) == "nestingTooDeep", "\(error)")
        }
        // The limit leaves room for any real configuration.
        let nested = String(repeating: "[", count: 150) + "1" + String(repeating: "]", count: 150)
        #expect(throws: Never.self) { try YAMLDocument.parse(nested) }
    }
}
