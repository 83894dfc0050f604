/// A request to move an order to another status.
public struct OrderStatusChange: Codable, Sendable, Equatable {
    public var status: OrderStatus

    /// Creates the request.
    public init(status: OrderStatus) {
        self.status = status
    }
}
