import Foundation

/// A split of an equipment's stops as the audit ledger keeps it: where, by whom and when.
struct StopSplit: Codable, Sendable, Equatable {
    var equipmentId: UUID
    var splitAt: Date
    var splitBy: String
    var createdAt: Date
}
