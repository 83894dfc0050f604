/// Which slice of a list a client asks for: at most `limit` items after the `cursor`.
public struct PageRequest: Sendable, Equatable {
    /// The largest page a client may ask for.
    public static let maximumLimit = 500
    /// The page size when the client names none.
    public static let defaultLimit = 50

    public let limit: Int
    public let after: PageCursor?

    /// Creates a page request; `limit` is checked by ``validated(limit:after:)``.
    public init(limit: Int = PageRequest.defaultLimit, after: PageCursor? = nil) {
        self.limit = limit
        self.after = after
    }

    /// Reads the `limit` and `cursor` query values, refusing values out of range or cursors that do not decode.
    public static func validated(limit: String?, cursor: String?) throws(DomainError) -> PageRequest {
        var v = Validator()
        let parsedLimit = limit.map { Int($0) } ?? defaultLimit
        v.check(parsedLimit.map { (1...maximumLimit).contains($0) } ?? false,
                "limit", "must be a whole number from 1 to \(maximumLimit)")
        let parsedCursor = cursor.map(PageCursor.init(encoded:))
        v.check(parsedCursor.map { $0 != nil } ?? true, "cursor", "is not a cursor this server issued")
        try v.finish()
        return PageRequest(limit: parsedLimit ?? defaultLimit, after: parsedCursor ?? nil)
    }
}
