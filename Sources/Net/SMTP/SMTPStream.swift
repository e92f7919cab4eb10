/// The byte stream an SMTP dialogue runs over: a ``TCPSocket`` in production, a scripted peer in tests.
///
/// Reads and writes block and must honour the stream's own timeout.
public protocol SMTPStream: AnyObject {
    /// Writes every byte or throws.
    func write(_ bytes: [UInt8]) throws(SocketError)
    /// Reads up to `maxLength` bytes; an empty result means the peer closed the connection.
    func read(maxLength: Int) throws(SocketError) -> [UInt8]
    /// Closes the stream; calling it twice is harmless.
    func close()
}

extension TCPSocket: SMTPStream {}
