import Foundation

/// The sites an account works at: it sees and changes only their records. An account given no
/// sites works at every site, which suits a plant of one site.
public enum SiteScope: Sendable, Equatable {
    /// Every site, present and future.
    case everySite
    /// These sites only.
    case sites(Set<UUID>)

    /// The scope of an account given `siteIds`: every site when there are none.
    public init(siteIds: Set<UUID>) {
        self = siteIds.isEmpty ? .everySite : .sites(siteIds)
    }

    /// Whether records of the site `siteId` are in scope.
    public func allows(_ siteId: UUID) -> Bool {
        switch self {
        case .everySite: true
        case .sites(let ids): ids.contains(siteId)
        }
    }
}
