/// The outcome of reading a set of addresses: one result per address.
public struct ModbusReadResult: Sendable {
    /// The value, or the error that stopped it, for every address asked for.
    public var values: [ModbusAddress: Result<ModbusValue, ModbusError>]
    /// How many requests were sent, including retries of single addresses.
    public var requestCount: Int
    /// How many of those requests got a normal response.
    public var answeredCount: Int

    /// Creates a result.
    public init(values: [ModbusAddress: Result<ModbusValue, ModbusError>] = [:], requestCount: Int = 0, answeredCount: Int = 0) {
        self.values = values
        self.requestCount = requestCount
        self.answeredCount = answeredCount
    }
}
