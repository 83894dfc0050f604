/// Which references Browse follows (Part 4, 7.5).
public enum BrowseDirection: Int32, Sendable, Hashable {
    case forward = 0
    case inverse = 1
    case both = 2
}
