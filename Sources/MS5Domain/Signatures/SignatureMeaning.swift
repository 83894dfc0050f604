/// What a person declares by an electronic signature (21 CFR Part 11 §11.50: the meaning of
/// each signature is part of it).
public enum SignatureMeaning: String, ClosedSet, Equatable, Hashable {
    /// "I did this": the person who made the record.
    case authored
    /// "I checked this": someone other than its author.
    case reviewed
    /// "I release this": someone other than its author, of a role that may approve.
    case approved
}
