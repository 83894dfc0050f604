import Foundation

/// One event as MS5 publishes it: the CloudEvents attributes, where in the plant it happened,
/// the aggregate it is about (the record whose events keep their order) and its data as JSON.
///
/// It is written to the outbox in the transaction of the change it reports and goes from there
/// to Kafka, webhooks, replay and the live feed, always with the same `id`: a consumer that sees
/// an id twice drops the repeat.
public struct CanonicalEvent: Sendable, Equatable, Codable {
    /// The CloudEvents version of the envelope.
    public static let specVersion = "1.0"

    /// Unique per event; consumers drop repeats by it.
    public var id: UUID
    public var type: EventType
    /// When the reported thing happened (a stop's end, a call's step).
    public var time: Date
    /// What the event is about, as `kind/id` (`equipment/…`, `andon-call/…`).
    public var subject: String
    /// The record whose events keep their order (the Kafka message key).
    public var aggregateId: UUID
    public var placement: EventPlacement
    /// The data, as JSON text (``EventData``).
    public var data: String

    /// Creates an event with a new id, its data encoded from `data`.
    public init(
        type: EventType, time: Date, subjectKind: String, aggregateId: UUID, placement: EventPlacement,
        data: some Encodable, id: UUID = UUID()
    ) throws {
        self.id = id
        self.type = type
        self.time = time
        self.subject = "\(subjectKind)/\(aggregateId.uuidString.lowercased())"
        self.aggregateId = aggregateId
        self.placement = placement
        self.data = try EventData.json(data)
    }

    /// Creates an event from stored parts.
    public init(id: UUID, type: EventType, time: Date, subject: String, aggregateId: UUID, placement: EventPlacement, data: String) {
        self.id = id
        self.type = type
        self.time = time
        self.subject = subject
        self.aggregateId = aggregateId
        self.placement = placement
        self.data = data
    }

    /// The CloudEvents `source`: the site the event comes from.
    public var source: String { "/ms5/sites/\(placement.siteId.lowercasedString)" }

    /// The CloudEvents `dataschema`: where the JSON Schema of the data is served.
    public var dataSchema: String { "/v1/events/schemas/\(type.rawValue)" }
}
