/// What an Andon call asks for.
public enum AndonCategory: String, ClosedSet, Equatable, Hashable {
    case safety
    case quality
    case maintenance
    case material
    case help
}
