/// Where a YAML node or error is in its source: 1-based line and column (columns count Unicode
/// scalars, as PyYAML does), plus the file name when the caller gave one.
public struct YAMLMark: Sendable, Hashable, CustomStringConvertible {
    /// The file the text came from, as given to the parser; nil for text without a file.
    public var fileName: String?
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// A mark at `line`:`column` (both 1-based) of `fileName`.
    public init(fileName: String? = nil, line: Int, column: Int) {
        self.fileName = fileName
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or `line:column` when there is no file name.
    public var description: String {
        if let fileName { return "\(fileName):\(line):\(column)" }
        return "\(line):\(column)"
    }
}
