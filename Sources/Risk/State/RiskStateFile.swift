import BotCodecs
import Foundation

/// The JSON file that keeps one environment and profile's ``RiskState`` across restarts, conventionally
/// `<data_cache_path>/risk/<environment>_<profile>.json`. Writes are atomic: a crash leaves the old
/// state or the new one, never a torn file.
public struct RiskStateFile: Sendable, Hashable {
    /// Where the state lives.
    public let url: URL

    /// The state file at `url`.
    public init(url: URL) { self.url = url }

    /// The conventional file for `environment` and `profile` under `dataCachePath`: characters outside
    /// `[A-Za-z0-9_.-]` in either name become `_`.
    public init(dataCachePath: URL, environment: String, profile: String) {
        let name = Self.sanitized(environment) + "_" + Self.sanitized(profile) + ".json"
        url = dataCachePath.appendingPathComponent("risk").appendingPathComponent(name)
    }

    /// The stored state, or nil when the file does not exist.
    public func load() throws(RiskStateError) -> RiskState? {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: path, detail: String(describing: error))
        }
        do {
            let state = try JSONDecoder().decode(RiskState.self, from: data)
            guard state.formatVersion == 1 else {
                throw RiskStateError.corrupt(
                    path: path, detail: "format_version \(state.formatVersion) is not supported (expected 1)")
            }
            return state
        } catch let error as RiskStateError {
            throw error
        } catch {
            throw .corrupt(path: path, detail: Self.describe(error))
        }
    }

    /// Replaces the file with `state` as JSON with sorted keys, creating the folder if needed.
    public func save(_ state: RiskState) throws(RiskStateError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        var data: Data
        do {
            data = try encoder.encode(state)
        } catch {
            // Only non-finite numbers fail to encode; the engine never stores them.
            throw .corrupt(path: url.path, detail: "cannot encode the state: \(error)")
        }
        data.append(0x0A)
        do {
            try AtomicFile.write(data, to: url, createFolders: true)
        } catch {
            throw .writeFailed(error)
        }
    }

    static func sanitized(_ name: String) -> String {
        let text = FileNamePart.sanitized(name)
        return text.isEmpty ? "_" : text
    }

    /// A short account of a decoding failure: which key and what was wrong.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not valid JSON: \(error)" }
        func where_(_ path: [any CodingKey]) -> String {
            path.isEmpty
                ? "at the top level"
                : "at "
                    + path.map { $0.intValue.map(String.init) ?? $0.stringValue }
                    .joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context):
            return "not valid JSON \(where_(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "key \(key.stringValue) missing \(where_(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong value \(where_(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
