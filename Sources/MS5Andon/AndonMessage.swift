import Foundation
import MS5Domain

/// What a notification says about a call: the JSON of a webhook and the text of an e-mail.
struct AndonMessage: Sendable {
    let notification: AndonNotification
    let call: AndonCall

    /// `andon.triggered.v1` for the first level, `andon.escalated.v1` for the ones after.
    var type: String { notification.level == 1 ? "andon.triggered.v1" : "andon.escalated.v1" }

    var subject: String {
        let what = notification.level == 1 ? "Andon call" : "Andon call escalated to level \(notification.level)"
        return "\(what): \(call.priority.rawValue) \(call.category.rawValue)"
    }

    var text: String {
        """
        \(subject)

        Raised \(ISO8601DateFormatter().string(from: call.raisedAt)) by \(call.raisedBy).
        Status: \(call.status.rawValue). Level: \(call.level).
        \(call.text.isEmpty ? "" : "\n\(call.text)\n")
        Call id: \(call.id.uuidString.lowercased())
        """
    }

    func json() throws -> Data {
        struct Body: Encodable {
            let type: String
            let deliveryId: UUID
            let level: Int
            let call: AndonCall
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(Body(type: type, deliveryId: notification.id, level: notification.level, call: call))
    }
}
