import Foundation

/// What the server's answer to a batch means for the queue.
enum DeliveryOutcome: Sendable, Hashable {
    /// 2xx: stored now or earlier; acknowledge. The receipt is `nil` if the body was not one.
    case stored(BatchReceipt?)
    /// 422: the batch is invalid; dead-letter it with `reason` (status and problem document).
    case rejected(reason: String)
    /// 401 or 403: the token is wrong; keep the batch, retry slowly.
    case unauthorized(statusCode: Int, reason: String)
    /// Anything else, or no answer at all: retry the same batch with backoff.
    case retryable(reason: String)

    /// The longest part of a response body quoted in reasons and dead letters.
    static let maximumQuotedBody = 16_384

    /// Classifies an HTTP answer.
    init(_ response: TransportResponse) {
        let reason = Self.describe(response)
        switch response.statusCode {
        case 200..<300:
            self = .stored(try? JSONDecoder().decode(BatchReceipt.self, from: response.body))
        case 401, 403:
            self = .unauthorized(statusCode: response.statusCode, reason: reason)
        case 422:
            self = .rejected(reason: reason)
        default:
            self = .retryable(reason: reason)
        }
    }

    /// `HTTP 422: {problem document}`, the body cut to ``maximumQuotedBody`` bytes.
    static func describe(_ response: TransportResponse) -> String {
        let body = String(decoding: response.body.prefix(maximumQuotedBody), as: UTF8.self)
        return body.isEmpty ? "HTTP \(response.statusCode)" : "HTTP \(response.statusCode): \(body)"
    }
}
