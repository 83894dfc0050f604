/// A prepared wire read for one requested tag text, reused on every poll of that tag
/// (a class, so passing plans around costs one reference count, not one per field).
/// Owned and used by one client actor only.
final class ReadPlan {
    /// Most plans a client keeps before starting afresh.
    static let cacheLimit = 10_000

    /// Upper-case key of the address actually read (type cache and de-duplication key).
    let wireKey: String
    /// Address actually read (BOOL-array bits become their DWORD word; no bit).
    let wireAddress: LogixTagPath
    /// The encoded Read Tag request.
    let encodedRequest: [UInt8]
    /// Bit extracted from the word read, if any.
    let bit: Int?
    /// Data type of the wire read, once a reply has shown it.
    var knownType: CIPDataType?

    init(wireKey: String, wireAddress: LogixTagPath, encodedRequest: [UInt8], bit: Int?) {
        self.wireKey = wireKey
        self.wireAddress = wireAddress
        self.encodedRequest = encodedRequest
        self.bit = bit
    }
}

/// The de-duplicated wire reads for one list of tags, kept while the same list is polled again.
struct ReadBatch {
    /// The tags as requested.
    var tags: [String]
    /// Plan of each requested tag that parsed.
    var plans: [ReadPlan]
    /// Index in `tags` of each plan.
    var positions: [Int]
    /// Distinct wire reads.
    var unique: [ReadPlan]
    /// Encoded request of each distinct wire read.
    var encoded: [[UInt8]]
    /// Index into `unique` of each requested tag.
    var slots: [Int]
}
