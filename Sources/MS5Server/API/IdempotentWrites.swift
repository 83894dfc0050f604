import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Storage
import NIOCore

/// Runs each write sent with an `Idempotency-Key` header once per account: a replay of the same
/// request answers with the first response (marked `Idempotent-Replayed: true`) and changes nothing.
///
/// This is what lets the floor app's offline outbox send an action again after a lost answer.
struct IdempotentWrites: Sendable {
    /// The request header carrying the key.
    static let keyHeader = HTTPField.Name("Idempotency-Key")!
    /// The response header marking a replayed response.
    static let replayedHeader = HTTPField.Name("Idempotent-Replayed")!

    let store: IdempotencyStore

    /// Answers `request` through `respond`, once per key; requests without a key go straight through.
    func run(
        _ request: Request, user: User, _ respond: (Request) async throws -> Response
    ) async throws -> Response {
        guard let key = request.headers[Self.keyHeader] else { return try await respond(request) }
        guard (1...100).contains(key.utf8.count),
              key.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.:".unicodeScalars.contains($0)) })
        else {
            throw Problem(.badRequest, code: "invalid-idempotency-key",
                          detail: "The Idempotency-Key must be 1 to 100 letters, digits, '-', '_', '.' or ':' (a UUID is usual).")
        }
        var request = request
        let body = try await request.collectBody(upTo: JSONBody.maximumBytes)
        var digest = SHA256()
        digest.update(data: Array("\(request.method.rawValue) \(request.uri.description)\n".utf8))
        digest.update(data: Array(body.readableBytesView))
        let requestHash = digest.finalize().map { String(format: "%02x", $0) }.joined()

        switch try await store.claim(userId: user.id, key: key, requestHash: requestHash) {
        case .replay(let stored):
            return Self.response(stored, replayed: true)
        case .inProgress:
            throw Problem(.conflict, code: "idempotency-key-in-progress",
                          detail: "A request with this Idempotency-Key is still being answered; send it again in a moment.")
        case .mismatch:
            throw Problem(.unprocessableContent, code: "idempotency-key-reused",
                          detail: "This Idempotency-Key was already used for a different request; make a new key for each action.")
        case .claimed:
            let stored: IdempotencyStore.StoredResponse
            do {
                let response = try await respond(request)
                guard response.status.code < 500 else {
                    try await store.release(userId: user.id, key: key)
                    return response
                }
                stored = try await Self.keep(response)
            } catch {
                try? await store.release(userId: user.id, key: key)
                throw error
            }
            try await store.complete(userId: user.id, key: key, response: stored)
            return Self.response(stored, replayed: false)
        }
    }

    /// Reads the whole body of `response` so that it can be kept and sent.
    private static func keep(_ response: Response) async throws -> IdempotencyStore.StoredResponse {
        let collector = BodyCollector()
        try await response.body.write(collector)
        return .init(
            status: Int(response.status.code), contentType: response.headers[.contentType],
            body: collector.buffer.readableBytes == 0 ? nil : String(buffer: collector.buffer))
    }

    private static func response(_ stored: IdempotencyStore.StoredResponse, replayed: Bool) -> Response {
        var headers = HTTPFields()
        if let contentType = stored.contentType { headers[.contentType] = contentType }
        if replayed { headers[Self.replayedHeader] = "true" }
        let body = stored.body.map { ResponseBody(byteBuffer: ByteBuffer(string: $0)) } ?? ResponseBody()
        return Response(status: .init(code: stored.status), headers: headers, body: body)
    }
}

/// Gathers a response body in memory.
private final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        self.buffer.writeBuffer(&buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
