import Foundation

/// A fresh folder under the system temporary directory, removed when the body returns or throws.
public func withTemporaryDirectory<T>(
    _ body: (URL) async throws -> T
) async rethrows -> T {
    let url = makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
}

/// Synchronous form of ``withTemporaryDirectory(_:)``.
public func withTemporaryDirectory<T>(_ body: (URL) throws -> T) rethrows -> T {
    let url = makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

private func makeTemporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("botcore-tests-\(UUID().uuidString)", isDirectory: true)
    // A test cannot run without its scratch folder; failing loudly here names the cause.
    do {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
        preconditionFailure("cannot create temporary test folder \(url.path): \(error)")
    }
    return url
}
