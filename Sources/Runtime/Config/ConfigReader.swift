import BotCodecs
import Foundation

/// Reads typed values out of parsed YAML while recording every key's position and every problem, so a
/// whole file is checked in one pass instead of stopping at the first mistake.
final class ConfigReader {
    let fileName: String
    private(set) var issues: [ConfigIssue] = []
    private(set) var positions: ConfigPositions

    init(fileName: String) {
        self.fileName = fileName
        positions = ConfigPositions(fileName: fileName)
    }

    var hasErrors: Bool { issues.contains { $0.severity == .error } }

    func recordValue(_ mark: YAMLMark, at path: String) {
        positions.values[path] = mark
    }

    func error(_ path: String, _ message: String, at mark: YAMLMark? = nil) {
        issues.append(
            ConfigIssue(severity: .error, path: path, mark: mark ?? positions.mark(of: path), message: message))
    }

    func warning(_ path: String, _ message: String, at mark: YAMLMark? = nil) {
        issues.append(
            ConfigIssue(severity: .warning, path: path, mark: mark ?? positions.mark(of: path), message: message))
    }

    /// The mapping held by `node`; nil (and no issue) for a missing or null node, nil and an error for
    /// another kind of value. Records the entries' positions and warns about keys not in `known`.
    func mapping(_ node: YAMLNode?, at path: String, known: [String]? = nil) -> YAMLMapping? {
        guard let node, !node.isNull else { return nil }
        guard let mapping = node.mapping else {
            error(path, "expected a mapping of keys, found \(Self.kind(of: node.value))", at: node.mark)
            return nil
        }
        for entry in mapping {
            guard let key = Self.text(of: entry.key.value) else {
                warning(path, "key \(entry.key.value) is not text; it is ignored", at: entry.key.mark)
                continue
            }
            let child = path.child(key)
            positions.keys[child] = entry.key.mark
            // A collection's position is its key: its value starts on a later line, which is rarely what a
            // message about the whole collection should point at.
            if entry.value.value.isScalar { positions.values[child] = entry.value.mark }
            if let known, !known.contains(key) {
                warning(
                    child, "unknown key '\(key)' is ignored" + Self.suggestion(for: key, among: known),
                    at: entry.key.mark)
            }
        }
        return mapping
    }

    /// The sub-mapping at `key`.
    func section(_ map: YAMLMapping?, _ key: String, at path: String, known: [String]? = nil) -> YAMLMapping? {
        mapping(map?[key], at: path.child(key), known: known)
    }

    /// The entries of a mapping whose keys are names (profiles, environments…), with their paths.
    func named(_ map: YAMLMapping?, at path: String) -> [(name: String, node: YAMLNode, path: String)] {
        guard let map else { return [] }
        return map.compactMap { entry in
            guard let name = Self.text(of: entry.key.value) else { return nil }
            return (name, entry.value, path.child(name))
        }
    }

    // MARK: - Scalars

    /// The value at `key` as text (numbers and booleans are written out); nil when missing or null.
    func string(_ map: YAMLMapping?, _ key: String, at path: String, required: Bool = false) -> String? {
        guard let node = present(map, key, at: path, required: required) else { return nil }
        guard let text = Self.text(of: node.value) else {
            error(path.child(key), "expected text, found \(Self.kind(of: node.value))", at: node.mark)
            return nil
        }
        return text
    }

    /// Like ``string(_:_:at:required:)`` but an empty or blank value counts as absent.
    func optionalText(_ map: YAMLMapping?, _ key: String, at path: String) -> String? {
        guard let text = string(map, key, at: path) else { return nil }
        return text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : text
    }

    func double(_ map: YAMLMapping?, _ key: String, at path: String, required: Bool = false) -> Double? {
        guard let node = present(map, key, at: path, required: required) else { return nil }
        if let number = Self.number(node.value) { return number }
        error(path.child(key), "expected a number, found \(Self.kind(of: node.value))", at: node.mark)
        return nil
    }

    /// A number where the reference also accepts an empty string as "not set".
    func optionalDouble(_ map: YAMLMapping?, _ key: String, at path: String) -> Double? {
        if map?[key]?.string?.trimmingCharacters(in: .whitespaces).isEmpty == true { return nil }
        return double(map, key, at: path)
    }

    func int(_ map: YAMLMapping?, _ key: String, at path: String, required: Bool = false) -> Int? {
        guard let node = present(map, key, at: path, required: required) else { return nil }
        if let number = Self.integer(node.value) { return number }
        error(path.child(key), "expected a whole number, found \(Self.kind(of: node.value))", at: node.mark)
        return nil
    }

    func bool(_ map: YAMLMapping?, _ key: String, at path: String) -> Bool? {
        guard let node = present(map, key, at: path, required: false) else { return nil }
        if let flag = node.bool { return flag }
        error(path.child(key), "expected true or false, found \(Self.kind(of: node.value))", at: node.mark)
        return nil
    }

    /// A list of scalars as text; missing or null is empty.
    func strings(_ map: YAMLMapping?, _ key: String, at path: String) -> [String] {
        guard let node = present(map, key, at: path, required: false) else { return [] }
        guard let items = node.array else {
            error(path.child(key), "expected a list, found \(Self.kind(of: node.value))", at: node.mark)
            return []
        }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            positions.values[path.child(key).element(index)] = item.mark
            guard let text = Self.text(of: item.value) else {
                error(
                    path.child(key).element(index), "expected text, found \(Self.kind(of: item.value))", at: item.mark)
                continue
            }
            result.append(text)
        }
        return result
    }

    /// A mapping of scalar keys to scalar values, both as text, in file order.
    func textPairs(_ map: YAMLMapping?, _ key: String, at path: String) -> [(String, String)] {
        let childPath = path.child(key)
        guard let mapping = mapping(map?[key], at: childPath) else { return [] }
        var result: [(String, String)] = []
        for entry in mapping {
            guard let name = Self.text(of: entry.key.value) else { continue }
            guard let value = Self.text(of: entry.value.value) else {
                error(
                    childPath.child(name), "expected text, found \(Self.kind(of: entry.value.value))",
                    at: entry.value.mark)
                continue
            }
            result.append((name, value))
        }
        return result
    }

    /// The node at `key`, or nil; a missing or null required key is an error at the enclosing entry.
    private func present(_ map: YAMLMapping?, _ key: String, at path: String, required: Bool) -> YAMLNode? {
        if let node = map?[key], !node.isNull { return node }
        if required {
            let detail = map?[key] == nil ? "missing required key '\(key)'" : "required key '\(key)' has no value"
            error(path.child(key), detail, at: positions.keyMark(of: map?[key] == nil ? path : path.child(key)))
        }
        return nil
    }

    // MARK: - Value conversions (as the reference's Python `str()`, `float()`, `int()` accept them)

    static func text(of value: YAMLValue) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number):
            number.isFinite && number == number.rounded() && abs(number) < 1e16
                ? String(format: "%.1f", number) : "\(number)"
        case .bool(let flag): flag ? "true" : "false"
        case .null, .sequence, .mapping: nil
        }
    }

    static func number(_ value: YAMLValue) -> Double? {
        switch value {
        case .int, .double: return value.double
        case .string(let text): return Double(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    static func integer(_ value: YAMLValue) -> Int? {
        switch value {
        case .int: return value.int
        case .double(let number): return number.isFinite && abs(number) < 1e15 ? Int(number) : nil
        case .string(let text): return Int(text.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    static func kind(of value: YAMLValue) -> String {
        switch value {
        case .null: "nothing"
        case .bool(let flag): "the boolean \(flag)"
        case .int(let number): "the number \(number)"
        case .double(let number): "the number \(number)"
        case .string(let text): "'\(text)'"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    // MARK: - Suggestions

    /// ` (did you mean 'x'?)` for the closest of `candidates` when it is near enough, else empty.
    static func suggestion(for typed: String, among candidates: [String]) -> String {
        let word = Array(typed.lowercased())
        let scored = candidates.map { ($0, editDistance(word, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, min(3, word.count / 3)) else {
            return ""
        }
        return " (did you mean '\(best.0)'?)"
    }

    /// Edit distance where swapping two neighbours counts as one edit (`balancd` → `balanced` is 1).
    static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
        if left.isEmpty || right.isEmpty { return max(left.count, right.count) }
        var previousRow = [Int](repeating: 0, count: right.count + 1)
        var row = Array(0...right.count)
        var beforePrevious = row
        for i in 1...left.count {
            beforePrevious = previousRow
            previousRow = row
            row = [Int](repeating: 0, count: right.count + 1)
            row[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                row[j] = min(previousRow[j] + 1, row[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    row[j] = min(row[j], beforePrevious[j - 2] + 1)
                }
            }
        }
        return row[right.count]
    }
}
