import Foundation
import MS5Domain
import SQLKit

/// Products (SKUs) and their ideal cycle times.
public struct ProductRepository: Sendable {
    static let table = RecordTable<Product>(name: "products", noun: "product", sortColumn: "code")
    static let deleteGuard = DeleteGuard(noun: "product", dependents: [
        .init(table: "production_orders", column: "product_id", what: "production order(s)"),
    ])

    let database: Database

    /// Creates the repository over `database`.
    public init(database: Database) {
        self.database = database
    }

    /// One page of products, ordered by code.
    public func list(_ page: PageRequest) async throws -> Page<Product> {
        try await Self.table.list(on: database, page)
    }

    /// The product with `id`.
    public func get(_ id: UUID) async throws -> Product {
        try await Self.table.get(on: database, id: id)
    }

    /// Creates a product; its code must be unused.
    public func create(_ input: ProductInput) async throws -> Product {
        try input.validate()
        return try await database.transaction { db in
            try await Self.table.requireUnused(db, column: "code", value: input.code, excluding: nil, owner: "by another product")
            let now = RecordClock.now()
            let product = Product(id: UUID(), code: input.code, name: input.name, idealCycleSeconds: input.idealCycleSeconds, createdAt: now, updatedAt: now)
            try await Self.table.insert(db, product)
            return product
        }
    }

    /// Replaces the product's fields; KPIs computed afterwards use the new ideal cycle time.
    public func replace(_ id: UUID, with input: ProductInput) async throws -> Product {
        try input.validate()
        return try await database.transaction { db in
            var product = try await Self.table.require(db, id: id)
            try await Self.table.requireUnused(db, column: "code", value: input.code, excluding: id, owner: "by another product")
            product.code = input.code
            product.name = input.name
            product.idealCycleSeconds = input.idealCycleSeconds
            product.updatedAt = RecordClock.now()
            try await Self.table.update(db, product)
            return product
        }
    }

    /// Deletes the product, refused while orders name it.
    public func delete(_ id: UUID) async throws {
        try await Self.table.delete(on: database, id: id, guardedBy: Self.deleteGuard)
    }
}
