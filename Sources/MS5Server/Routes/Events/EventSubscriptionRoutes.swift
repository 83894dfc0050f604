import HTTPTypes
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Webhook endpoints subscribed to event types, kept by administrators.
    mutating func addEventSubscriptionRoutes(database: Database) {
        let tag = "Events"
        let subscriptions = EventSubscriptionStore(database: database)
        add(APIOperation(
            method: .get, path: "/v1/event-subscriptions", operationId: "listEventSubscriptions",
            summary: "Event subscriptions, by name.", tag: tag, access: .administrators, parameters: APIOperation.Parameter.paging)
        ) { request, _ in
            try await subscriptions.list(try request.pageRequest())
        }
        add(APIOperation(
            method: .post, path: "/v1/event-subscriptions", operationId: "createEventSubscription",
            summary: "Subscribe a webhook endpoint to event types: each event written from now on is POSTed to it, signed, in order.",
            tag: tag, access: .administrators),
            input: EventSubscriptionInput.self, status: .created
        ) { input, _, _ in
            try await subscriptions.create(input)
        }
        add(APIOperation(
            method: .get, path: "/v1/event-subscriptions/{id}", operationId: "getEventSubscription",
            summary: "One subscription with its delivery state: position, backlog, failures in a row, last error and delivery.", tag: tag,
            access: .administrators, parameters: [.id("event subscription")])
        ) { _, context in
            try await subscriptions.detail(try context.pathID("event subscription"))
        }
        add(APIOperation(
            method: .put, path: "/v1/event-subscriptions/{id}", operationId: "replaceEventSubscription",
            summary: "Replace a subscription; it goes on from its place in the outbox.", tag: tag, access: .administrators,
            parameters: [.id("event subscription")]),
            input: EventSubscriptionInput.self
        ) { input, _, context in
            try await subscriptions.replace(try context.pathID("event subscription"), with: input)
        }
        add(APIOperation(
            method: .delete, path: "/v1/event-subscriptions/{id}", operationId: "deleteEventSubscription",
            summary: "Delete a subscription; its deliveries stop.", tag: tag, access: .administrators, parameters: [.id("event subscription")])
        ) { _, context in
            try await subscriptions.delete(try context.pathID("event subscription"))
            return NoContent()
        }
    }
}
