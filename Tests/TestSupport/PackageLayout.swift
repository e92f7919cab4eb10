import Foundation

/// Where the package's own files are, found from this source file's path so tests run from any working
/// directory.
public enum PackageLayout {
    /// The package root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Tests/Fixtures`.
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures", isDirectory: true)

    /// `Tests/Oracles`: the Python scripts that run the outside references (PyYAML, pyarrow, …).
    public static let oracles = root.appendingPathComponent("Tests/Oracles", isDirectory: true)

    /// The folder `swift build` put the package's executables in (next to the test bundle).
    public static var builtProducts: URL {
        let bundle = Bundle.main.bundleURL
        return bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
    }

    /// A built executable of this package, e.g. `builtExecutable("backfill")`.
    public static func builtExecutable(_ name: String) -> URL {
        builtProducts.appendingPathComponent(name)
    }
}
