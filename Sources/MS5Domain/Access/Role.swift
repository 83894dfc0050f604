/// What a person does in the plant; a later layer maps roles to permissions.
public enum Role: String, ClosedSet, Equatable {
    case admin, manager, engineer, supervisor, `operator`, maintenance, quality, viewer
}
