import Foundation
import HTTPTypes
import Hummingbird
import MS5Andon
import MS5Domain
import MS5Storage

extension APIRoutes {
    /// Andon calls, the board, and the delivery log.
    mutating func addAndonRoutes(calls: AndonCallStore, notifications: AndonNotificationStore) {
        let tag = "Andon"
        let rules = self.rules
        add(APIOperation(
            method: .post, path: "/v1/andon/calls", operationId: "raiseAndonCall",
            summary: "Raise an Andon call for a line, or one of its equipment.", tag: tag, access: .floorStaff),
            input: AndonCallInput.self, status: .created
        ) { input, _, context in
            try await rules.requireParent(of: input, in: context.siteScope)
            return try await calls.raise(input, by: try context.signedInUser.username).call
        }
        add(APIOperation(
            method: .get, path: "/v1/andon/calls", operationId: "listAndonCalls",
            summary: "Andon calls of the account's sites, newest first: the open and acknowledged ones, or every one with status=all.", tag: tag, access: .signedIn,
            parameters: [
                .filter("lineId", "Only the calls of this line."),
                .init(name: "status", location: .query, schema: .enumeration(["active", "all"]), description: "active (the default) or all."),
            ])
        ) { request, context in
            let status = request.uri.queryParameters["status"].map(String.init) ?? "active"
            guard status == "active" || status == "all" else {
                throw DomainError.invalid([FieldViolation(field: "/status", reason: "must be active or all")])
            }
            let active = try await calls.list(lineId: try request.uuidQuery("lineId"), activeOnly: status == "active")
            return ItemList(items: try await rules.filter(active, in: context.siteScope, .line) { $0.lineId })
        }
        add(APIOperation(
            method: .get, path: "/v1/andon/calls/{id}", operationId: "getAndonCall",
            summary: "One Andon call with every step.", tag: tag, access: .signedIn, parameters: [.id("Andon call")])
        ) { _, context in
            try await calls.get(try context.pathID("Andon call"))
        }
        add(APIOperation(
            method: .post, path: "/v1/andon/calls/{id}/status", operationId: "moveAndonCall",
            summary: "Acknowledge, resolve or cancel an Andon call.", tag: tag, access: .floorStaff,
            parameters: [.id("Andon call")], canConflict: true),
            input: AndonCallAction.self
        ) { action, _, context in
            try await calls.act(try context.pathID("Andon call"), action, by: try context.signedInUser.username).call
        }
        add(APIOperation(
            method: .get, path: "/v1/andon/board", operationId: "andonBoard",
            summary: "Open calls per line of the account's sites, oldest first, with elapsed time, level and who has each.", tag: tag, access: .signedIn)
        ) { _, context in
            var board = try await calls.board()
            board.lines = try await rules.filter(board.lines, in: context.siteScope, .line) { $0.lineId }
            return board
        }
        add(APIOperation(
            method: .get, path: "/v1/andon/calls/{id}/notifications", operationId: "andonCallNotifications",
            summary: "The delivery log of one call: every message, its attempts and last error.", tag: tag, access: .administrators,
            parameters: [.id("Andon call")])
        ) { _, context in
            ItemList(items: try await notifications.log(callId: try context.pathID("Andon call")))
        }
        add(APIOperation(
            method: .get, path: "/v1/andon/notifications", operationId: "andonNotifications",
            summary: "The delivery log of every call, newest first.", tag: tag, access: .administrators)
        ) { _, _ in
            ItemList(items: try await notifications.log())
        }
    }
}
