/// The server's `200` answer to a batch: `{"stored": N, "duplicate": false}`, or
/// `{"stored": 0, "duplicate": true}` when it had already stored that (source, sequence).
public struct BatchReceipt: Sendable, Hashable, Codable {
    /// How many samples the server stored for this request.
    public var stored: Int
    /// Whether the server had already stored this (source, sequence) earlier.
    public var duplicate: Bool

    /// Creates a receipt.
    public init(stored: Int, duplicate: Bool) {
        self.stored = stored
        self.duplicate = duplicate
    }
}
