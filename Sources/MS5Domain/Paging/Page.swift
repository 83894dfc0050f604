/// One page of a list, in a stable order, with the cursor for the next page when there is one.
public struct Page<Item: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public let items: [Item]
    /// Pass as `cursor` to get the next page; nil on the last page.
    public let nextCursor: String?

    /// Creates a page.
    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
