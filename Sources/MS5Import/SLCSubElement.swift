/// A named part of an SLC element: a word member (`.ACC`) or a named status bit (`/DN`).
public enum SLCSubElement: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A word member written with a dot, e.g. `T4:0.ACC` → `.word("ACC")`.
    case word(String)
    /// A named bit written with a slash, e.g. `T4:44/DN` → `.namedBit("DN")`.
    case namedBit(String)

    /// The member name without punctuation (`ACC`, `DN` …), always upper-case.
    public var name: String {
        switch self {
        case .word(let name), .namedBit(let name): name
        }
    }

    /// The sub-element as written in an address: `.ACC` or `/DN`.
    public var description: String {
        switch self {
        case .word(let name): ".\(name)"
        case .namedBit(let name): "/\(name)"
        }
    }
}
