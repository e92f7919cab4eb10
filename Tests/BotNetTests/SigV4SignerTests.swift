import BotCrypto
import BotNet
import Foundation
import TestSupport
import Testing

/// One published SigV4 case read from `Tests/Fixtures/sigv4/<name>/`.
private struct SigV4Case {
    let name: String
    let method: HTTPMethod
    let path: String
    let query: String?
    let headers: HTTPHeaders
    let body: [UInt8]
    let canonicalRequest: String
    let stringToSign: String
    let authorization: String

    init(_ name: String) throws {
        self.name = name
        let folder = PackageLayout.fixtures.appendingPathComponent("sigv4/\(name)")
        func read(_ suffix: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent("\(name).\(suffix)"), encoding: .utf8)
        }
        canonicalRequest = try read("creq")
        stringToSign = try read("sts")
        authorization = try read("authz")

        // The request file: "METHOD target HTTP/1.1", "Name:value" lines, a blank line, the body. The
        // target may hold spaces (get-space), so it ends at the last " HTTP/".
        let request = try read("req")
        let (head, body) =
            request.range(of: "\n\n").map { (String(request[..<$0.lowerBound]), String(request[$0.upperBound...])) }
            ?? (request, "")
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst()
        let firstSpace = try #require(requestLine.firstIndex(of: " "))
        let protocolStart = try #require(requestLine.range(of: " HTTP/", options: .backwards))
        method = HTTPMethod(rawValue: String(requestLine[..<firstSpace]))
        let target = String(requestLine[requestLine.index(after: firstSpace)..<protocolStart.lowerBound])
        if let question = target.firstIndex(of: "?") {
            path = String(target[..<question])
            query = String(target[target.index(after: question)...])
        } else {
            path = target
            query = nil
        }
        var headers = HTTPHeaders()
        for line in lines {
            let colon = try #require(line.firstIndex(of: ":"))
            headers.add(name: String(line[..<colon]), value: String(line[line.index(after: colon)...]))
        }
        self.headers = headers
        self.body = Array(body.utf8)
    }
}

private let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
private let s3ExampleDate = Date(timeIntervalSince1970: 1_369_353_600)  // 2013-05-24T00:00:00Z
private let suiteCredentials = S3Credentials(
    accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

private let suiteCases = [
    "get-vanilla", "get-vanilla-query-order-key-case", "get-vanilla-query-order-key",
    "get-vanilla-query-order-value", "get-vanilla-query-unreserved", "get-vanilla-utf8-query",
    "get-vanilla-empty-query-key", "get-header-key-duplicate", "get-header-value-order", "get-header-value-trim",
    "get-unreserved", "get-utf8", "get-space", "get-relative", "get-relative-relative", "get-slash",
    "get-slash-dot-slash", "get-slash-pointless-dot", "get-slashes", "post-vanilla", "post-vanilla-query",
    "post-header-key-sort", "post-header-value-case", "post-x-www-form-urlencoded",
    "post-x-www-form-urlencoded-parameters", "post-sts-header-before",
]

@Suite struct SigV4SignerTests {
    @Test(arguments: suiteCases)
    func awsTestSuite(_ name: String) throws {
        let testCase = try SigV4Case(name)
        var headers = testCase.headers
        // The session token case: the signer, not the request, supplies x-amz-security-token.
        let token = headers["x-amz-security-token"]
        headers["x-amz-security-token"] = nil
        let credentials = S3Credentials(
            accessKeyID: suiteCredentials.accessKeyID, secretAccessKey: suiteCredentials.secretAccessKey,
            sessionToken: token)
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service", options: .standard)
        let signature = signer.signature(
            method: testCase.method, path: testCase.path, query: testCase.query, headers: headers,
            payloadHash: signer.payloadHash(.signed, body: testCase.body), date: suiteDate)
        #expect(signature.canonicalRequest == testCase.canonicalRequest)
        #expect(signature.stringToSign == testCase.stringToSign)
        #expect(signature.authorization == testCase.authorization)
        #expect(signature.headers["authorization"] == testCase.authorization)
        #expect(signature.headers["x-amz-security-token"] == token)
    }

    @Test(arguments: ["s3-get-object", "s3-put-object"])
    func s3DocumentationExamples(_ name: String) throws {
        let testCase = try SigV4Case(name)
        let signer = SigV4Signer(
            credentials: S3Credentials(
                accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1", service: "s3", options: .s3)
        let signature = signer.signature(
            method: testCase.method, path: testCase.path, query: testCase.query, headers: testCase.headers,
            payloadHash: signer.payloadHash(.signed, body: testCase.body), date: s3ExampleDate)
        #expect(signature.canonicalRequest == testCase.canonicalRequest)
        #expect(signature.stringToSign == testCase.stringToSign)
        #expect(signature.authorization == testCase.authorization)
        #expect(signature.headers["x-amz-content-sha256"] == signer.payloadHash(.signed, body: testCase.body))
    }

    @Test func signingAnHTTPRequestAddsTheHeadersButNotHost() throws {
        let signer = SigV4Signer(credentials: suiteCredentials, region: "eu-central-1")
        let url = try #require(URL(string: "http://127.0.0.1:9000/bucket/a%20b+c.txt?uploads&x=1"))
        let request = HTTPRequest(
            method: .put, url: url, headers: ["Content-Type": "text/plain"], body: Data("hi".utf8))
        let signed = signer.sign(request, at: suiteDate, payload: .unsigned)
        #expect(signed.headers["host"] == nil)
        #expect(signed.headers["x-amz-date"] == "20150830T123600Z")
        #expect(signed.headers["x-amz-content-sha256"] == "UNSIGNED-PAYLOAD")
        let authorization = try #require(signed.headers["authorization"])
        #expect(
            authorization.hasPrefix(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-central-1/s3/aws4_request, "
                    + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature="))

        // The same request signed by parts shows what was signed: the port in Host, S3's single encoding.
        var headers = request.headers
        headers["host"] = "127.0.0.1:9000"
        let parts = signer.signature(
            method: .put, path: "/bucket/a%20b+c.txt", query: "uploads&x=1", headers: headers,
            payloadHash: "UNSIGNED-PAYLOAD", date: suiteDate)
        #expect(parts.authorization == authorization)
        #expect(
            parts.canonicalRequest.hasPrefix(
                "PUT\n/bucket/a%20b%2Bc.txt\nuploads=&x=1\ncontent-type:text/plain\nhost:127.0.0.1:9000\n"))
    }

    @Test func s3KeepsDotSegmentsAndEncodesOnceWhileOtherServicesNormaliseAndEncodeTwice() {
        let s3 = SigV4Signer(credentials: suiteCredentials, region: "us-east-1", options: .s3)
        let standard = SigV4Signer(
            credentials: suiteCredentials, region: "us-east-1", service: "es", options: .standard)
        let headers: HTTPHeaders = ["Host": "example.com"]
        func uri(_ signer: SigV4Signer, _ path: String) -> Substring {
            let request = signer.signature(
                method: .get, path: path, query: nil, headers: headers, payloadHash: "UNSIGNED-PAYLOAD",
                date: suiteDate
            ).canonicalRequest
            return request.split(separator: "\n", omittingEmptySubsequences: false)[1]
        }
        #expect(uri(s3, "/b/./x/../a%2Fb%7E//c") == "/b/./x/../a%2Fb~//c")
        #expect(uri(standard, "/b/./x/../a%2Fb%7E//c") == "/b/a%252Fb%257E/c")
        #expect(uri(s3, "") == "/")
        #expect(uri(s3, "/caf%C3%A9") == "/caf%C3%A9")
        #expect(uri(standard, "/caf%C3%A9") == "/caf%25C3%25A9")
    }

    @Test(arguments: [
        (0.0, "19700101T000000Z"), (951_782_400, "20000229T000000Z"), (946_684_799, "19991231T235959Z"),
        (4_102_444_799.9, "20991231T235959Z"), (4_107_542_399, "21000228T235959Z"),
        (4_107_542_400, "21000301T000000Z"), (-1, "19691231T235959Z"),
    ])
    func timestampsAreUTCBasicFormat(_ seconds: Double, _ expected: String) {
        let signer = SigV4Signer(credentials: suiteCredentials, region: "r", service: "s", options: .standard)
        let signature = signer.signature(
            method: .get, path: "/", query: nil, headers: ["Host": "h"], payloadHash: "x",
            date: Date(timeIntervalSince1970: seconds))
        #expect(signature.headers["x-amz-date"] == expected)
        #expect(signature.authorization.contains("/\(expected.prefix(8))/r/s/aws4_request"))
    }

    @Test func credentialsNeverDescribeTheSecretOrToken() {
        let credentials = S3Credentials(accessKeyID: "AKID1", secretAccessKey: "very-secret", sessionToken: "tok-123")
        for text in [
            credentials.description, credentials.debugDescription, "\(credentials)", String(reflecting: credentials),
        ] {
            #expect(text.contains("AKID1"))
            #expect(!text.contains("very-secret"))
            #expect(!text.contains("tok-123"))
        }
    }
}
