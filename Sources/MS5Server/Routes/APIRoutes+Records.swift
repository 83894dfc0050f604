import Foundation
import HTTPTypes
import Hummingbird
import MS5Domain

extension APIRoutes {
    /// Registers list, read, create, replace and delete of one kind of record under `path`.
    mutating func addRecordRoutes<Repository: RecordRepository>(
        _ repository: Repository, path: String, names: RecordNames, tag: String = "Plant model",
        filters: [APIOperation.Parameter], sortedBy: String = "code",
        list: @escaping @Sendable (PageRequest, [String: UUID]) async throws -> Page<Repository.Record>
    ) where Page<Repository.Record>: DocumentedSchema {
        let noun = names.noun
        let filterNames = filters.map(\.name)
        let rules = self.rules
        let listed = ScopedPaths.record(listedAt: path)

        add(APIOperation(
            method: .get, path: path, operationId: "list\(names.operationPlural)", summary: "List \(names.plural), ordered by \(sortedBy).",
            tag: tag, access: .signedIn, parameters: filters + APIOperation.Parameter.paging)
        ) { request, context in
            var values: [String: UUID] = [:]
            for name in filterNames { values[name] = try request.uuidQuery(name) }
            let page = try await list(try request.pageRequest(), values)
            guard let listed else { return page }
            return Page(items: try await rules.filter(page.items, in: context.siteScope, listed) { $0.id }, nextCursor: page.nextCursor)
        }
        add(APIOperation(
            method: .get, path: path + "/{id}", operationId: "get\(names.operation)", summary: "Read one \(noun).",
            tag: tag, access: .signedIn, parameters: [.id(noun)])
        ) { _, context in
            try await repository.get(try context.pathID(noun))
        }
        add(APIOperation(
            method: .post, path: path, operationId: "create\(names.operation)", summary: "Create a \(noun).",
            tag: tag, access: .plantEditors, canConflict: true),
            input: Repository.Input.self, status: .created
        ) { input, _, context in
            try await rules.requireParent(of: input, in: context.siteScope)
            return try await repository.create(input)
        }
        add(APIOperation(
            method: .put, path: path + "/{id}", operationId: "replace\(names.operation)",
            summary: "Replace the fields of a \(noun).", tag: tag, access: .plantEditors, parameters: [.id(noun)],
            canConflict: true),
            input: Repository.Input.self
        ) { input, _, context in
            try await rules.requireParent(of: input, in: context.siteScope)
            return try await repository.replace(try context.pathID(noun), with: input)
        }
        add(APIOperation(
            method: .delete, path: path + "/{id}", operationId: "delete\(names.operation)",
            summary: "Delete a \(noun); refused while it has children or history.", tag: tag, access: .plantEditors,
            parameters: [.id(noun)], canConflict: true)
        ) { _, context in
            try await repository.delete(try context.pathID(noun))
            return NoContent()
        }
    }
}

/// How one kind of plant record is named in messages and operation ids.
struct RecordNames: Sendable {
    let noun: String
    let plural: String
    /// The record's name in operation ids (`Site` → `getSite`).
    let operation: String
    /// The plural in operation ids (`Sites` → `listSites`).
    let operationPlural: String
}
