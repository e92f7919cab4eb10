extension BootstrapError {
    /// The exit status a tool ends with: 3 for a refused live start (`spec/reference-runtime.md` §10.1),
    /// 1 for everything else.
    public var exitCode: Int32 {
        if case .liveRefused = self { return 3 }
        return 1
    }

    /// The documented exit status of a refused live start, for a tool's help.
    public static let liveRefusedExitCode = ToolExitCode(
        3, "a live environment was refused (a live gate does not hold)")

    /// This error as a ``ToolExit`` carrying its message and ``exitCode``.
    public var toolExit: ToolExit { ToolExit(code: exitCode, message: description) }
}
