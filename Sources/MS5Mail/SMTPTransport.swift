/// The byte pipe ``SMTPDialogue`` talks through: one request, one reply.
///
/// Implementations throw only ``SMTPError``.
protocol SMTPTransport: Sendable {
    /// Waits for the next reply without sending anything (the greeting).
    func readReply() async throws -> SMTPReply
    /// Sends one command line (CRLF is appended) and waits for its reply.
    func send(line: String) async throws -> SMTPReply
    /// Sends message content that already ends with the `.` CRLF terminator and waits for the reply.
    func send(data: [UInt8]) async throws -> SMTPReply
    /// Starts TLS on the open connection, after the server accepted STARTTLS.
    func startTLS() async throws
    /// Closes the connection; never fails.
    func close() async
}
