/// How urgent an Andon call is; escalation policies are chosen by it.
public enum AndonPriority: String, ClosedSet, Equatable, Hashable {
    case low
    case medium
    case high
    case critical
}
