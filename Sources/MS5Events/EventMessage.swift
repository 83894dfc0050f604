import Foundation
import MS5Domain
import MS5Kafka

/// How an event travels on Kafka (the CloudEvents Kafka binding, binary mode): the data as the
/// message's JSON body, the attributes as `ce_*` headers, keyed by the aggregate so that the
/// events of one call or one equipment keep their order, on the topic of its family.
public enum EventMessage {
    /// The topic of `type` under `prefix`: `ms5.production.stop`, `ms5.andon`, …
    public static func topic(of type: EventType, prefix: String) -> String {
        prefix.isEmpty ? type.family : "\(prefix).\(type.family)"
    }

    /// The message of `recorded` for a topic under `prefix`.
    ///
    /// Built from bytes where it can be: UUIDs through ``Foundation/UUID/lowercasedUTF8``, the
    /// constant headers shared, as this runs for every event the relay sends.
    public static func message(_ recorded: RecordedEvent, prefix: String) -> KafkaMessage {
        let event = recorded.event
        var headers: [KafkaHeader] = [
            specVersion,
            KafkaHeader(name: "ce_id", value: event.id.lowercasedUTF8),
            KafkaHeader(name: "ce_source", value: event.source),
            KafkaHeader(name: "ce_type", value: event.type.rawValue),
            KafkaHeader(name: "ce_time", value: EventData.time(event.time)),
            KafkaHeader(name: "ce_subject", value: event.subject),
            KafkaHeader(name: "ce_dataschema", value: event.dataSchema),
            contentType,
            KafkaHeader(name: "ce_siteid", value: event.placement.siteId.lowercasedUTF8),
            KafkaHeader(name: "ce_position", value: String(recorded.position)),
        ]
        if let lineId = event.placement.lineId {
            headers.append(KafkaHeader(name: "ce_lineid", value: lineId.lowercasedUTF8))
        }
        if let equipmentId = event.placement.equipmentId {
            headers.append(KafkaHeader(name: "ce_equipmentid", value: equipmentId.lowercasedUTF8))
        }
        return KafkaMessage(
            topic: topic(of: event.type, prefix: prefix), key: event.aggregateId.lowercasedUTF8, value: Array(event.data.utf8), headers: headers)
    }

    private static let specVersion = KafkaHeader(name: "ce_specversion", value: CanonicalEvent.specVersion)
    private static let contentType = KafkaHeader(name: "content-type", value: "application/json")
}
