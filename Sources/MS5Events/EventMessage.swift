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
    public static func message(_ recorded: RecordedEvent, prefix: String) -> KafkaMessage {
        let event = recorded.event
        var headers: [KafkaHeader] = [
            KafkaHeader(name: "ce_specversion", value: CanonicalEvent.specVersion),
            KafkaHeader(name: "ce_id", value: event.id.uuidString.lowercased()),
            KafkaHeader(name: "ce_source", value: event.source),
            KafkaHeader(name: "ce_type", value: event.type.rawValue),
            KafkaHeader(name: "ce_time", value: EventData.time(event.time)),
            KafkaHeader(name: "ce_subject", value: event.subject),
            KafkaHeader(name: "ce_dataschema", value: event.dataSchema),
            KafkaHeader(name: "content-type", value: "application/json"),
            KafkaHeader(name: "ce_siteid", value: event.placement.siteId.uuidString.lowercased()),
            KafkaHeader(name: "ce_position", value: String(recorded.position)),
        ]
        if let lineId = event.placement.lineId {
            headers.append(KafkaHeader(name: "ce_lineid", value: lineId.uuidString.lowercased()))
        }
        if let equipmentId = event.placement.equipmentId {
            headers.append(KafkaHeader(name: "ce_equipmentid", value: equipmentId.uuidString.lowercased()))
        }
        return KafkaMessage(
            topic: topic(of: event.type, prefix: prefix), key: Array(event.aggregateId.uuidString.lowercased().utf8),
            value: Array(event.data.utf8), headers: headers)
    }
}
