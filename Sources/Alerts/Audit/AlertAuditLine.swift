/// One audit line decoded for ``FileAlertAuditLog/records()``: every value read as text, as the
/// reference's `export()` does, then turned into a record.
struct AlertAuditLine: Decodable {
    let record: AlertAuditRecord

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var fields: [String: String] = [:]
        for key in container.allKeys {
            if try container.decodeNil(forKey: key) { continue }
            if let text = try? container.decode(String.self, forKey: key) {
                fields[key.stringValue] = text
            } else if let number = try? container.decode(Int64.self, forKey: key) {
                fields[key.stringValue] = String(number)
            } else if let number = try? container.decode(Double.self, forKey: key) {
                fields[key.stringValue] = String(number)
            } else if let flag = try? container.decode(Bool.self, forKey: key) {
                fields[key.stringValue] = String(flag)
            } else {
                throw DecodingError.typeMismatch(
                    String.self,
                    .init(codingPath: [key], debugDescription: "audit values are strings, numbers or booleans"))
            }
        }
        do {
            record = try AlertAuditRecord(fields: fields)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: error.description))
        }
    }
}
