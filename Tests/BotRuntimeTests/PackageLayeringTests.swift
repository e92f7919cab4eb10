import Foundation
import Testing
import TestSupport

/// DESIGN.md §3: the module order is enforced when the manifest loads. These tests load a copy of the real
/// Package.swift (with stand-in sources) through SwiftPM, once as is and once with an upward dependency.
@Suite("Package layering", .serialized)
struct PackageLayeringTests {
    @Test("the manifest as committed loads")
    func manifestLoads() throws {
        try withTemporaryDirectory { folder in
            try makeStandInPackage(in: folder, manifest: try realManifest())
            let result = try describe(folder)
            #expect(result.status == 0, "swift package describe failed: \(result.errorText)")
            #expect(result.outputText.contains("BotRuntime"))
        }
    }

    @Test("an upward dependency makes the manifest fail with a message naming both modules")
    func upwardDependencyIsRefused() throws {
        let original = try realManifest()
        let needle = #".target(name: "BotCodecs", dependencies: ["CZlib"]"#
        #expect(original.contains(needle), "the test's edit point moved; update the needle")
        let broken = original.replacingOccurrences(
            of: needle, with: #".target(name: "BotCodecs", dependencies: ["CZlib", "BotData"]"#)
        try withTemporaryDirectory { folder in
            try makeStandInPackage(in: folder, manifest: broken)
            let result = try describe(folder)
            #expect(result.status != 0)
            #expect(result.errorText.contains("BotCodecs must not depend on BotData"))
        }
    }

    private func realManifest() throws -> String {
        try String(contentsOf: PackageLayout.root.appendingPathComponent("Package.swift"), encoding: .utf8)
    }

    private func describe(_ folder: URL) throws -> ProcessResult {
        try runProcess(
            "swift",
            ["package", "describe", "--package-path", folder.path,
             "--scratch-path", folder.appendingPathComponent(".build").path])
    }

    /// Mirrors every target folder the manifest names with one stand-in source file (and copies the
    /// system-library shims), so SwiftPM can resolve targets without compiling anything.
    private func makeStandInPackage(in folder: URL, manifest: String) throws {
        let files = FileManager.default
        try manifest.write(to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try files.copyItem(
            at: PackageLayout.root.appendingPathComponent("Sources/Shims"),
            to: folder.appendingPathComponent("Sources/Shims"))
        let folders = try files.contentsOfDirectory(atPath: PackageLayout.root.appendingPathComponent("Sources").path)
            .filter { $0 != "Shims" }.map { "Sources/\($0)" }
            + (try files.contentsOfDirectory(atPath: PackageLayout.root.appendingPathComponent("Sources/Tools").path)
                .map { "Sources/Tools/\($0)" })
            + ["Tests/TestSupport"]
            + (try files.contentsOfDirectory(atPath: PackageLayout.root.appendingPathComponent("Tests").path)
                .filter { $0.hasSuffix("Tests") }.map { "Tests/\($0)" })
        for path in folders {
            let target = folder.appendingPathComponent(path, isDirectory: true)
            try files.createDirectory(at: target, withIntermediateDirectories: true)
            try "// stand-in\n".write(to: target.appendingPathComponent("StandIn.swift"), atomically: true, encoding: .utf8)
        }
    }
}
