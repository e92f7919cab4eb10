import BotCrypto
import BotNet
import Foundation
import TestSupport
import Testing

/// End-to-end against moto (`Tests/Oracles/s3_server.py`) on 127.0.0.1, with moto checking signatures.
@Suite struct S3ClientTests {
    static let bucket = "botcore-test"

    static func client(port: UInt16, credentials: S3Credentials) throws -> S3Client {
        S3Client(
            endpoint: try #require(URL(string: "http://127.0.0.1:\(port)")), region: "us-east-1",
            credentials: credentials, addressing: .pathStyle,
            transport: URLSessionTransport(defaultTimeout: .seconds(20)))
    }

    static func credentials(_ server: OracleServer) throws -> S3Credentials {
        try #require(server.readyFields.count == 2, "s3_server.py did not print its access key")
        return S3Credentials(accessKeyID: server.readyFields[0], secretAccessKey: server.readyFields[1])
    }

    @Test func putThenHeadAgainstMoto() async throws {
        let server = try OracleServer(script: "s3_server.py", arguments: [Self.bucket])
        defer { server.stop() }
        let client = try Self.client(port: server.port, credentials: try Self.credentials(server))
        // 200 KB that is neither text nor repetitive, plus UTF-8, so a truncation or re-encoding shows.
        var bytes = [UInt8]()
        var state: UInt32 = 12345
        for _ in 0..<200_000 {
            state = state &* 1_103_515_245 &+ 12345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        bytes += Array("\nróżnica ✓".utf8)
        let body = Data(bytes)
        let digest = Hex.encode(SHA256.hash(bytes))
        let key = "reports/2026-11/paper_smoke.json"

        let eTag = try await client.putObject(
            bucket: Self.bucket, key: key, body: body, contentType: "application/json",
            metadata: ["sha256": digest, "Source": "botcore"])
        let info = try await client.headObject(bucket: Self.bucket, key: key)
        #expect(info.size == Int64(bytes.count))
        #expect(info.metadata == ["sha256": digest, "source": "botcore"])
        #expect(info.contentType == "application/json")
        #expect(info.eTag != nil)
        #expect(info.eTag == eTag)

        let stored = try server.request(#"{"op": "get", "bucket": "\#(Self.bucket)", "key": "\#(key)"}"#)
        #expect(stored["sha256"] as? String == digest)
        #expect(stored["size"] as? Int == bytes.count)
        #expect(stored["metadata"] as? [String: String] == ["sha256": digest, "source": "botcore"])
        #expect(stored["etag"] as? String == eTag)
    }

    @Test func missingObjectIsNotFound() async throws {
        let server = try OracleServer(script: "s3_server.py", arguments: [Self.bucket])
        defer { server.stop() }
        let client = try Self.client(port: server.port, credentials: try Self.credentials(server))
        await #expect(throws: S3Error.notFound(operation: .headObject, bucket: Self.bucket, key: "no/such.key")) {
            _ = try await client.headObject(bucket: Self.bucket, key: "no/such.key")
        }
    }

    @Test func wrongSecretIsSignatureDoesNotMatchWithoutTheSecret() async throws {
        let server = try OracleServer(script: "s3_server.py", arguments: [Self.bucket])
        defer { server.stop() }
        let good = try Self.credentials(server)
        let wrongSecret = "wrong-" + good.secretAccessKey.dropFirst(6)
        let client = try Self.client(
            port: server.port,
            credentials: S3Credentials(accessKeyID: good.accessKeyID, secretAccessKey: wrongSecret))
        do {
            try await client.putObject(bucket: Self.bucket, key: "k.txt", body: Data("x".utf8))
            Issue.record("a request signed with the wrong secret was accepted")
        } catch {
            #expect(error.status == 403)
            #expect(error.code == "SignatureDoesNotMatch")
            for text in [error.description, String(reflecting: error), String(describing: client)] {
                #expect(!text.contains(wrongSecret))
                #expect(!text.contains(good.secretAccessKey))
            }
            #expect(error.description.contains("s3://\(Self.bucket)/k.txt"))
        }
        let stored = try server.request(#"{"op": "get", "bucket": "\#(Self.bucket)", "key": "k.txt"}"#)
        #expect(stored["error"] as? String == "NoSuchKey")
    }
}
