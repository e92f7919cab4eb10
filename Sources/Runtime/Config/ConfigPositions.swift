import BotCodecs

/// Where each key of a loaded configuration was written, by dotted key path, so that checks made after
/// loading (and later by the runtime) can point at the file, line and column.
public struct ConfigPositions: Sendable {
    /// The file's name as given to the loader.
    public let fileName: String
    var keys: [String: YAMLMark]
    var values: [String: YAMLMark]

    init(fileName: String, keys: [String: YAMLMark] = [:], values: [String: YAMLMark] = [:]) {
        self.fileName = fileName
        self.keys = keys
        self.values = values
    }

    /// The start of the file.
    public var start: YAMLMark { YAMLMark(fileName: fileName, line: 1, column: 1) }

    /// Where the value at `path` is written; for a path that is not in the file (a missing key, a
    /// default) the nearest enclosing entry that is, or the start of the file.
    public func mark(of path: String) -> YAMLMark {
        var current = path
        while !current.isEmpty {
            if let mark = values[current] ?? keys[current] { return mark }
            current = Self.parent(of: current)
        }
        return start
    }

    /// Where the key of the entry at `path` is written (falls back like ``mark(of:)``).
    public func keyMark(of path: String) -> YAMLMark {
        keys[path] ?? mark(of: path)
    }

    /// Whether `path` was written in the file (as opposed to taking its default).
    public func contains(_ path: String) -> Bool {
        keys[path] != nil || values[path] != nil
    }

    /// `a.b` for `a.b.c` and `a.b` for `a.b[3]`.
    static func parent(of path: String) -> String {
        guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return "" }
        return String(path[..<cut])
    }
}

extension String {
    /// The key path of `key` inside this one.
    func child(_ key: String) -> String { isEmpty ? key : "\(self).\(key)" }
    /// The key path of element `index` of the list at this path.
    func element(_ index: Int) -> String { "\(self)[\(index)]" }
}
