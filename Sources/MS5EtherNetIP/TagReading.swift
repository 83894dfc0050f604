/// The outcome for one tag of a batched read or write.
public struct TagReading: Sendable, Equatable {
    /// The tag (or data-file address) as requested.
    public var tag: String
    /// The value read (for writes, the value written), or the error for this tag alone.
    public var result: Result<CIPValue, EtherNetIPError>

    /// Creates an outcome.
    public init(tag: String, result: Result<CIPValue, EtherNetIPError>) {
        self.tag = tag
        self.result = result
    }

    /// The value, if the operation succeeded.
    public var value: CIPValue? { try? result.get() }

    /// The error, if the operation failed.
    public var error: EtherNetIPError? {
        if case .failure(let error) = result { return error }
        return nil
    }
}
