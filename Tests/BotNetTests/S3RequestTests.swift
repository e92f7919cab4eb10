import BotCrypto
import Foundation
import Synchronization
import Testing

@testable import BotNet

/// Records every request and answers with a canned response.
private final class RecordingTransport: HTTPTransport {
    let requests = Mutex<[HTTPRequest]>([])
    let response: HTTPResponse?

    init(_ response: HTTPResponse?) { self.response = response }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requests.withLock { $0.append(request) }
        guard let response else { throw HTTPTransportError.cannotConnect(host: "127.0.0.1", port: 9) }
        return response
    }
}

private let credentials = S3Credentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "secret/KEY+value")
private let date = Date(timeIntervalSince1970: 1_440_938_160)

private func client(
    _ endpoint: String, addressing: S3Client.Addressing = .pathStyle,
    transport: any HTTPTransport = RecordingTransport(nil)
) -> S3Client {
    S3Client(
        endpoint: URL(string: endpoint)!, region: "eu-central-1", credentials: credentials, addressing: addressing,
        transport: transport, clock: { date })
}

@Suite struct S3RequestTests {
    @Test func pathStyleAndVirtualHostedURLs() {
        let path = client("http://127.0.0.1:9000")
        #expect(
            path.url(bucket: "data", key: "a b/c+d~é.json")?.absoluteString
                == "http://127.0.0.1:9000/data/a%20b/c%2Bd~%C3%A9.json")
        let prefixed = client("https://store.example/s3/")
        #expect(prefixed.url(bucket: "data", key: "k")?.absoluteString == "https://store.example/s3/data/k")

        let virtual = client("https://s3.eu-central-1.amazonaws.com", addressing: .virtualHosted)
        #expect(
            virtual.url(bucket: "my-bucket", key: "x/y.txt")?.absoluteString
                == "https://my-bucket.s3.eu-central-1.amazonaws.com/x/y.txt")
        // Not DNS-compatible, or dotted on https (wildcard certificate): path style instead.
        #expect(
            virtual.url(bucket: "My_Bucket", key: "k")?.absoluteString
                == "https://s3.eu-central-1.amazonaws.com/My_Bucket/k")
        #expect(
            virtual.url(bucket: "logs.example.com", key: "k")?.absoluteString
                == "https://s3.eu-central-1.amazonaws.com/logs.example.com/k")
        let plainVirtual = client("http://minio.local:9000", addressing: .virtualHosted)
        #expect(
            plainVirtual.url(bucket: "logs.example.com", key: "k")?.absoluteString
                == "http://logs.example.com.minio.local:9000/k")

        let aws = S3Client.aws(region: "ap-south-1", credentials: credentials, transport: RecordingTransport(nil))
        #expect(
            aws.url(bucket: "reports", key: "2026/a.csv")?.absoluteString
                == "https://reports.s3.ap-south-1.amazonaws.com/2026/a.csv")
    }

    @Test func putSignsBodyHashMetadataAndContentType() async throws {
        let transport = RecordingTransport(HTTPResponse(status: 200, headers: ["ETag": "\"abc123\""]))
        let s3 = client("http://127.0.0.1:9000", transport: transport)
        let body = Data("hello".utf8)
        let eTag = try await s3.putObject(
            bucket: "data", key: "dir/file.txt", body: body, contentType: "text/plain", metadata: ["SHA256": "f00"])
        #expect(eTag == "abc123")
        let request = try #require(transport.requests.withLock { $0.first })
        #expect(request.method == .put)
        #expect(request.url.absoluteString == "http://127.0.0.1:9000/data/dir/file.txt")
        #expect(request.body == body)
        #expect(request.headers["x-amz-meta-sha256"] == "f00")
        #expect(request.headers["content-type"] == "text/plain")
        #expect(request.headers["x-amz-content-sha256"] == Hex.encode(SHA256.hash(body)))
        #expect(request.headers["x-amz-date"] == "20150830T123600Z")
        #expect(request.headers["host"] == nil)
        #expect(
            request.headers["authorization"]?.hasPrefix(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-central-1/s3/aws4_request, "
                    + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-sha256, Signature=")
                == true)
    }

    @Test func sessionTokenIsSentAndSigned() async throws {
        let transport = RecordingTransport(HTTPResponse(status: 200, headers: ["Content-Length": "3"]))
        let s3 = S3Client(
            endpoint: URL(string: "http://127.0.0.1:9000")!, region: "us-east-1",
            credentials: S3Credentials(accessKeyID: "AKID", secretAccessKey: "s", sessionToken: "token-value"),
            transport: transport, payloadSigning: .unsigned, clock: { date })
        let info = try await s3.headObject(bucket: "data", key: "k")
        #expect(info.size == 3)
        let request = try #require(transport.requests.withLock { $0.first })
        #expect(request.method == .head)
        #expect(request.headers["x-amz-security-token"] == "token-value")
        #expect(request.headers["x-amz-content-sha256"] == "UNSIGNED-PAYLOAD")
        #expect(request.headers["authorization"]?.contains("x-amz-security-token") == true)
    }

    @Test func errorsCarryTheS3CodeButNoSecrets() async throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>AccessDenied</Code><Message>Access &amp; more denied</Message>\
            <StringToSign>AWS4-HMAC-SHA256...</StringToSign><RequestId>REQ1</RequestId></Error>
            """
        let denied = client(
            "http://127.0.0.1:9000", transport: RecordingTransport(HTTPResponse(status: 403, body: Data(xml.utf8))))
        await #expect(
            throws: S3Error.requestFailed(
                operation: .putObject, bucket: "data", key: "k", status: 403, code: "AccessDenied",
                message: "Access & more denied", requestID: "REQ1")
        ) {
            try await denied.putObject(bucket: "data", key: "k", body: Data())
        }
        let headDenied = client(
            "http://127.0.0.1:9000",
            transport: RecordingTransport(HTTPResponse(status: 403, headers: ["x-amz-request-id": "R2"])))
        do {
            _ = try await headDenied.headObject(bucket: "data", key: "k")
        } catch {
            #expect(
                error
                    == .requestFailed(
                        operation: .headObject, bucket: "data", key: "k", status: 403, code: nil, message: nil,
                        requestID: "R2"))
            #expect(error.description.contains("check the credentials"))
            #expect(!error.description.contains(credentials.secretAccessKey))
        }
        let offline = client("http://127.0.0.1:9")
        do {
            _ = try await offline.headObject(bucket: "data", key: "k")
            Issue.record("no error without a server")
        } catch {
            guard case .transport(.headObject, "data", "k", _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
        #expect(!String(describing: offline).contains(credentials.secretAccessKey))
    }

    @Test func invalidMetadataAndKeysAreRefusedBeforeSending() async {
        let transport = RecordingTransport(HTTPResponse(status: 200))
        let s3 = client("http://127.0.0.1:9000", transport: transport)
        await #expect(throws: S3Error.self) {
            try await s3.putObject(bucket: "data", key: "k", body: Data(), metadata: ["bad name": "v"])
        }
        await #expect(throws: S3Error.self) {
            try await s3.putObject(bucket: "data", key: "k", body: Data(), metadata: ["note": "line\r\nX-Injected: 1"])
        }
        await #expect(throws: S3Error.self) {
            try await s3.putObject(bucket: "data", key: "", body: Data())
        }
        await #expect(throws: S3Error.self) {
            try await s3.putObject(bucket: "data", key: "a/../b", body: Data())
        }
        #expect(transport.requests.withLock { $0.isEmpty })
    }
}
