/// Where an Andon call is: open → acknowledged → resolved, or cancelled before it is resolved.
public enum AndonCallStatus: String, ClosedSet, Equatable, Hashable {
    case open
    case acknowledged
    case resolved
    case cancelled

    /// Whether the call still needs someone: open or acknowledged.
    public var isActive: Bool { self == .open || self == .acknowledged }

    /// Whether a call in this status may move to `next`.
    public func allows(_ next: AndonCallStatus) -> Bool {
        switch (self, next) {
        case (.open, .acknowledged), (.open, .resolved), (.open, .cancelled): true
        case (.acknowledged, .resolved), (.acknowledged, .cancelled): true
        default: false
        }
    }
}
