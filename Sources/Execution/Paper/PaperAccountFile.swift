import BotCodecs
import Foundation

/// The JSON file that keeps a paper account between runs, conventionally
/// `<data_cache_path>/paper/<environment>_account.json`; written atomically.
public struct PaperAccountFile: Sendable, Hashable {
    public let url: URL

    public init(url: URL) { self.url = url }

    /// The conventional file of `environment` under `dataCachePath` (named as the risk state file names it).
    public init(dataCachePath: URL, environment: String) {
        let part = FileNamePart.sanitized(environment)
        let name = part.isEmpty ? "_" : part
        url = dataCachePath.appendingPathComponent("paper").appendingPathComponent(name + "_account.json")
    }

    /// The saved account, or nil when there is none yet.
    public func load() throws(ExecutionError) -> PaperAccount? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(PaperAccount.self, from: Data(contentsOf: url))
        } catch {
            throw .accountFile(
                path: url.path,
                reason: "it cannot be read as a paper account (\(error)); move it aside to start from the configured "
                    + "initial balances")
        }
    }

    /// Saves `account`, replacing the previous file in one step.
    public func save(_ account: PaperAccount) throws(ExecutionError) {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try AtomicFile.write(try encoder.encode(account), to: url, createFolders: true)
        } catch {
            throw .accountFile(path: url.path, reason: "\(error); check free space and permissions")
        }
    }
}
