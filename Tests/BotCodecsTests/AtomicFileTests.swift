import Foundation
import TestSupport
import Testing

@testable import BotCodecs

@Suite struct AtomicFileTests {
    static func mode(of url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test func replacesTheTargetWithTheRequestedMode() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("state.json")
            try AtomicFile.write(Array("old".utf8), to: url, mode: .readableByAll)
            #expect(try Self.mode(of: url) == 0o644)
            try AtomicFile.write(Data("new contents".utf8), to: url, mode: .ownerOnly)
            #expect(try FilesTestData.readBytes(url) == Array("new contents".utf8))
            #expect(try Self.mode(of: url) == 0o600)
            try AtomicFile.write([UInt8](), to: url, mode: 0o640)
            #expect(try FilesTestData.readBytes(url) == [])
            #expect(try Self.mode(of: url) == 0o640)
            #expect(try FilesTestData.folderContents(folder) == ["state.json"], "no temporary file left behind")
        }
    }

    @Test func writesLargeContentsAndCreatesFoldersWhenAsked() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("a/b/c/data.bin")
            let bytes = FilesTestData.pseudoRandomBytes(count: 3_000_000, seed: 9)
            #expect {
                try AtomicFile.write(bytes, to: url)
            } throws: { error in
                guard case AtomicFileError.failed(.createTemporaryFile, url.path, _, ENOENT) = error else {
                    return false
                }
                return true
            }
            try AtomicFile.write(bytes, to: url, createFolders: true)
            #expect(try FilesTestData.readBytes(url) == bytes)
            #expect(try FilesTestData.folderContents(url.deletingLastPathComponent()) == ["data.bin"])
        }
    }

    @Test func aParentThatIsAFileFailsAtTheFirstStep() throws {
        try withTemporaryDirectory { folder in
            let parent = folder.appendingPathComponent("not-a-folder")
            try FilesTestData.writeBytes([1], to: parent)
            let url = parent.appendingPathComponent("x.json")
            #expect {
                try AtomicFile.write([1, 2, 3], to: url)
            } throws: { error in
                guard case AtomicFileError.failed(.createTemporaryFile, url.path, _, ENOTDIR) = error else {
                    return false
                }
                return true
            }
            #expect {
                try AtomicFile.write([1, 2, 3], to: url, createFolders: true)
            } throws: { error in
                guard case AtomicFileError.failed(.createFolder, url.path, parent.path, ENOTDIR) = error else {
                    return false
                }
                return true
            }
            #expect(try FilesTestData.folderContents(folder) == ["not-a-folder"])
        }
    }

    @Test func aFailedRenameLeavesThePreviousTargetAndNoTemporaryFile() throws {
        try withTemporaryDirectory { folder in
            // A folder (with content) where the file should go: rename(2) cannot replace it.
            let target = folder.appendingPathComponent("report.json")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
            try FilesTestData.writeBytes(Array("keep".utf8), to: target.appendingPathComponent("inside"))
            #expect {
                try AtomicFile.write(Array("new".utf8), to: target)
            } throws: { error in
                guard case AtomicFileError.failed(.rename, target.path, target.path, let code) = error else {
                    return false
                }
                return code == EISDIR || code == ENOTEMPTY || code == EEXIST
            }
            #expect(try FilesTestData.folderContents(folder) == ["report.json"])
            #expect(try FilesTestData.readBytes(target.appendingPathComponent("inside")) == Array("keep".utf8))
        }
    }

    @Test(arguments: [AtomicFileError.Step.setPermissions, .write, .sync, .close, .rename])
    func anInjectedFailureKeepsThePreviousFileAndRemovesTheTemporary(step: AtomicFileError.Step) throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("candles.csv")
            try AtomicFile.write(Array("previous".utf8), to: url)
            let next = Array("next".utf8)
            #expect {
                try next.withUnsafeBytes { buffer in
                    try AtomicFile.write(buffer, to: url, mode: .readableByAll, createFolders: false) {
                        failing throws(SystemCallError) in
                        if failing == step { throw SystemCallError(operation: "write", path: "injected", code: ENOSPC) }
                    }
                }
            } throws: { error in
                guard case AtomicFileError.failed(step, url.path, let path, ENOSPC) = error else { return false }
                let message = (error as? AtomicFileError)?.description ?? ""
                return message.contains("no space left on device while") && message.contains(path)
                    && message.hasSuffix("free space and re-run; the previous file is unchanged")
            }
            #expect(try FilesTestData.readBytes(url) == Array("previous".utf8))
            #expect(try FilesTestData.folderContents(folder) == ["candles.csv"])
        }
    }

    @Test func aTargetWithALongNameStillGetsATemporarySibling() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent(String(repeating: "é", count: 120) + ".json")  // 245 bytes
            try AtomicFile.write(Array("one".utf8), to: url)
            try AtomicFile.write(Array("two".utf8), to: url)
            #expect(try FilesTestData.readBytes(url) == Array("two".utf8))
            #expect(try FilesTestData.folderContents(folder) == [url.lastPathComponent])
        }
    }

    @Test(.enabled(if: getuid() != 0, "root ignores folder permissions"))
    func aReadOnlyFolderLeavesThePreviousContent() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("config.yaml")
            try AtomicFile.write(Array("previous".utf8), to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
            #expect {
                try AtomicFile.write(Array("next".utf8), to: url)
            } throws: { error in
                guard case AtomicFileError.failed(.createTemporaryFile, url.path, _, EACCES) = error else {
                    return false
                }
                return true
            }
            #expect(try FilesTestData.readBytes(url) == Array("previous".utf8))
            #expect(try FilesTestData.folderContents(folder) == ["config.yaml"])
        }
    }

    @Test func errorMessagesNameTheStepThePathAndTheOutcome() {
        let full = AtomicFileError.failed(
            step: .write, target: "/data/x.parquet", path: "/data/.x.parquet.tmp-1", code: ENOSPC)
        #expect(
            full.description
                == "cannot write /data/x.parquet: no space left on device while writing /data/.x.parquet.tmp-1; "
                + "free space and re-run; the previous file is unchanged")
        let folder = AtomicFileError.failed(step: .syncFolder, target: "/data/x", path: "/data", code: EIO)
        #expect(folder.description.contains("the new file is in place"))
    }
}
