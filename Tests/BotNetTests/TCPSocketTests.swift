import BotNet
import Testing

@Suite struct TCPSocketTests {
    @Test func bytesTravelBothWaysAndCloseReadsAsEmpty() throws {
        let listener = try TCPSocket.listen(host: "127.0.0.1", port: 0, backlog: 8)
        defer { listener.close() }
        #expect(listener.localPort != 0)
        let client = try TCPSocket.connect(host: "localhost", port: listener.localPort, timeout: .seconds(5))
        let server = try listener.accept()
        try server.setTimeout(.seconds(5))

        let payload = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try client.write(payload)
        var received: [UInt8] = []
        while received.count < payload.count {
            let chunk = try server.read(maxLength: 65_536)
            try #require(!chunk.isEmpty)
            received += chunk
        }
        #expect(received == payload)

        try server.write(Array("pong".utf8))
        #expect(try client.read(maxLength: 16) == Array("pong".utf8))
        client.close()
        #expect(try server.read(maxLength: 16).isEmpty)
        server.close()
    }

    @Test func readTimesOutWhenThePeerSaysNothing() throws {
        let listener = try TCPSocket.listen(host: "127.0.0.1", port: 0, backlog: 8)
        let client = try TCPSocket.connect(host: "127.0.0.1", port: listener.localPort, timeout: .seconds(5))
        let server = try listener.accept()
        try server.setTimeout(.milliseconds(50))
        #expect(throws: SocketError.timedOut(peer: server.peer, operation: "reading from")) {
            try server.read(maxLength: 16)
        }
        client.close()
    }

    @Test func writingToAClosedPeerFailsWithoutSignal() throws {
        let listener = try TCPSocket.listen(host: "127.0.0.1", port: 0, backlog: 8)
        let client = try TCPSocket.connect(host: "127.0.0.1", port: listener.localPort, timeout: .seconds(5))
        let server = try listener.accept()
        server.close()
        // The first writes may still be buffered; keep writing until the reset is reported.
        let error = #expect(throws: SocketError.self) {
            for _ in 0..<100 { try client.write([UInt8](repeating: 1, count: 65_536)) }
        }
        guard case .writeFailed = error else {
            Issue.record("expected writeFailed, got \(String(describing: error))")
            return
        }
    }

    @Test func connectingToAClosedPortNamesTheAddress() throws {
        let listener = try TCPSocket.listen(host: "127.0.0.1", port: 0, backlog: 1)
        let port = listener.localPort
        listener.close()
        let error = #expect(throws: SocketError.self) {
            try TCPSocket.connect(host: "127.0.0.1", port: port, timeout: .seconds(5))
        }
        #expect(error == .cannotConnect(host: "127.0.0.1", port: port, reason: "Connection refused"))
        #expect(error?.description.contains("cannot connect to 127.0.0.1:\(port): Connection refused") == true)
    }

    @Test func closedSocketRefusesUse() throws {
        let listener = try TCPSocket.listen(host: "127.0.0.1", port: 0, backlog: 1)
        listener.close()
        #expect(throws: SocketError.closed(peer: "127.0.0.1:0")) { try listener.accept() }
        #expect(listener.localPort == 0)
    }

    @Test func listeningTwiceOnOnePortFails() throws {
        let first = try TCPSocket.listen(host: "127.0.0.1", port: 0, backlog: 1)
        defer { first.close() }
        let error = #expect(throws: SocketError.self) {
            try TCPSocket.listen(host: "127.0.0.1", port: first.localPort, backlog: 1)
        }
        guard case .cannotListen = error else {
            Issue.record("expected cannotListen, got \(String(describing: error))")
            return
        }
    }
}
