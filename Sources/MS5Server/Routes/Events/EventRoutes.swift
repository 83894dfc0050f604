import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain
import MS5Storage
import NIOCore
import NIOFoundationEssentialsCompat

extension APIRoutes {
    /// The published events: the catalogue of types with their schemas, and replay of the outbox.
    mutating func addEventRoutes(events: EventBackbone) {
        let tag = "Events"
        let log = events.log
        add(APIOperation(
            method: .get, path: "/v1/events/schemas", operationId: "listEventTypes",
            summary: "Every event type MS5 publishes, and every message it consumes, with its version and the URL of its JSON Schema.", tag: tag,
            access: .signedIn)
        ) { _, _ in
            ItemList(items: EventSchemas.catalogue)
        }
        addResponder(APIOperation(
            method: .get, path: "/v1/events/schemas/{type}", operationId: "getEventSchema",
            summary: "The JSON Schema (2020-12) of one event type and version, e.g. production.stop.unplanned.v1, or of a consumed message, e.g. erp.production-order.v1.",
            tag: tag, access: .signedIn,
            parameters: [.init(name: "type", location: .path, schema: .plainString, description: "The event type with its version.")])
        ) { _, context in
            let name = context.parameters.get("type") ?? ""
            guard let document = EventType(rawValue: name).map(EventSchemas.document(of:)) ?? EventSchemas.document(ofConsumed: name) else {
                throw DomainError.notFound("event type", id: name)
            }
            let body = ByteBuffer(data: try JSONBody.encoder.encode(document))
            return Response(status: .ok, headers: [.contentType: "application/schema+json"], body: .init(byteBuffer: body))
        }
        add(APIOperation(
            method: .get, path: "/v1/events/status", operationId: "eventsStatus",
            summary: "The outbox's newest position, each consumer's position, backlog and lag, and the Kafka relay of this instance.",
            tag: tag, access: .plantEditors)
        ) { _, _ in
            try await events.status()
        }
        schemasInclude(EventDocument.self)
        add(APIOperation(
            method: .get, path: "/v1/events", operationId: "listEvents",
            summary: "Published events of the account's sites in the order they were written, after a position: replay for a consumer that missed some.",
            tag: tag, access: .signedIn, parameters: EventQuery.parameters)
        ) { request, context in
            let query = try EventQuery(request, scope: context.siteScope)
            let events = try await log.events(after: query.after, matching: query.filter, limit: query.limit + 1)
            let page = Array(events.prefix(query.limit))
            let next = events.count > query.limit ? page.last.map { String($0.position) } : nil
            return Page(items: try page.map(EventDocument.init), nextCursor: next)
        }
    }
}
