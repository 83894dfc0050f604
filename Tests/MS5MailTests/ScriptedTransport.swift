import Foundation

@testable import MS5Mail

/// An ``SMTPTransport`` that answers from a script and records what the client sent.
actor ScriptedTransport: SMTPTransport {
    private var replies: [SMTPReply]
    /// Every command line, `<DATA>` with the content, `<STARTTLS>` and `<CLOSE>`, in order.
    private(set) var sent: [String] = []

    init(_ replies: [(Int, String)]) {
        self.replies = replies.map { SMTPReply(code: $0.0, lines: $0.1.components(separatedBy: "\n")) }
    }

    func readReply() throws -> SMTPReply { try next() }

    func send(line: String) throws -> SMTPReply {
        sent.append(line)
        return try next()
    }

    func send(data: [UInt8]) throws -> SMTPReply {
        sent.append("<DATA>" + String(decoding: data, as: UTF8.self))
        return try next()
    }

    func startTLS() { sent.append("<STARTTLS>") }

    func close() { sent.append("<CLOSE>") }

    private func next() throws -> SMTPReply {
        guard !replies.isEmpty else { throw SMTPError.connectionClosed }
        return replies.removeFirst()
    }
}
