import Foundation

extension SimulatorFaults {
    /// The JSON keys, in the order ``json`` writes them.
    static let keys = [
        "latency_ms", "error_rate", "truncate_rate", "burst_429", "retry_after", "ban_418", "ban_seconds",
        "duplicate_rate", "shuffle", "missing_rate",
    ]

    /// The faults as a JSON object with snake_case keys (what `GET /__simulator/faults` answers).
    var json: [UInt8] {
        var writer = SimulatorJSONWriter()
        writer.raw("{\"latency_ms\":")
        writer.integer(Int64(latencyMilliseconds))
        writer.raw(",\"error_rate\":")
        writer.number(errorRate)
        writer.raw(",\"truncate_rate\":")
        writer.number(truncateRate)
        writer.raw(",\"burst_429\":")
        writer.integer(Int64(burst429))
        writer.raw(",\"retry_after\":")
        writer.integer(Int64(retryAfterSeconds))
        writer.raw(",\"ban_418\":\(ban418),\"ban_seconds\":")
        writer.integer(Int64(banSeconds))
        writer.raw(",\"duplicate_rate\":")
        writer.number(duplicateRate)
        writer.raw(",\"shuffle\":\(shuffle),\"missing_rate\":")
        writer.number(missingRate)
        writer.raw("}")
        return writer.bytes
    }

    /// These faults with the keys present in the JSON object `body` changed (absent keys keep their value).
    ///
    /// - Throws: ``SimulatorFaultsError`` for a body that is not an object, an unknown key or a value of the
    ///   wrong type.
    public func updated(withJSON body: Data) throws(SimulatorFaultsError) -> SimulatorFaults {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: body)
        } catch {
            throw .notJSON
        }
        guard let object = parsed as? [String: Any] else { throw .notJSON }
        var faults = self
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "latency_ms": faults.latencyMilliseconds = max(0, try Self.integer(value, key))
            case "error_rate": faults.errorRate = try Self.rate(value, key)
            case "truncate_rate": faults.truncateRate = try Self.rate(value, key)
            case "burst_429": faults.burst429 = max(0, try Self.integer(value, key))
            case "retry_after": faults.retryAfterSeconds = max(0, try Self.integer(value, key))
            case "ban_418": faults.ban418 = try Self.boolean(value, key)
            case "ban_seconds": faults.banSeconds = max(0, try Self.integer(value, key))
            case "duplicate_rate": faults.duplicateRate = try Self.rate(value, key)
            case "shuffle": faults.shuffle = try Self.boolean(value, key)
            case "missing_rate": faults.missingRate = try Self.rate(value, key)
            default: throw .unknownKey(key)
            }
        }
        return faults
    }

    // JSONSerialization boxes numbers and booleans alike in NSNumber on Linux, so `1` reads as `true` and
    // `true` as 1; the control endpoint is for tests, where that leniency does no harm.
    private static func integer(_ value: Any, _ key: String) throws(SimulatorFaultsError) -> Int {
        guard let number = value as? Double, let integer = Int(exactly: number) else {
            throw .wrongType(key: key, expected: "a whole number")
        }
        return integer
    }

    private static func rate(_ value: Any, _ key: String) throws(SimulatorFaultsError) -> Double {
        guard let number = value as? Double, (0...1).contains(number) else {
            throw .wrongType(key: key, expected: "a number from 0 to 1")
        }
        return number
    }

    private static func boolean(_ value: Any, _ key: String) throws(SimulatorFaultsError) -> Bool {
        guard let flag = value as? Bool else { throw .wrongType(key: key, expected: "true or false") }
        return flag
    }
}

/// Why a `POST /__simulator/faults` body was refused.
public enum SimulatorFaultsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body is not a JSON object.
    case notJSON
    /// A key that names no fault.
    case unknownKey(String)
    /// A value of the wrong type or out of range.
    case wrongType(key: String, expected: String)

    public var description: String {
        let keys = SimulatorFaults.keys.joined(separator: ", ")
        return switch self {
        case .notJSON: "the faults body is not a JSON object; send e.g. {\"error_rate\": 0.1} (keys: \(keys))"
        case .unknownKey(let key): "unknown fault '\(key)'; the keys are \(keys)"
        case .wrongType(let key, let expected): "fault '\(key)' must be \(expected)"
        }
    }
}
