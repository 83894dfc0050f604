/// A reason looked up in the tree, together with its category.
public struct ClassifiedStopReason: Sendable, Equatable, Hashable, Codable {
    /// The reason.
    public var reason: StopReason
    /// The category holding it.
    public var category: StopReasonCategory

    /// Creates a classified reason.
    public init(reason: StopReason, category: StopReasonCategory) {
        self.reason = reason
        self.category = category
    }
}
