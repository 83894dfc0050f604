import Foundation

/// The counts behind effectiveness and quality.
public struct QuantityBreakdown: Sendable, Equatable, Hashable, Codable {
    /// Pieces made during orders (PQ).
    public var produced: Int
    /// Good pieces (GQ).
    public var good: Int
    /// Rejected pieces, start-up and production.
    public var rejects: Int
    /// Rejects counted within the start-up window after a restart.
    public var startupRejects: Int
    /// The other rejects.
    public var productionRejects: Int
    /// Pieces reworked (from the input), for first-pass yield.
    public var reworked: Int
    /// Pieces counted while no order ran: left out of every KPI.
    public var producedOutsideOrders: Int
    /// Σ produced × ideal cycle time over the orders (net operating time), seconds.
    public var idealProductionTime: TimeInterval
    /// Planned good quantity, if given.
    public var target: Int?

    /// Creates a breakdown.
    public init(
        produced: Int,
        good: Int,
        rejects: Int,
        startupRejects: Int,
        productionRejects: Int,
        reworked: Int,
        producedOutsideOrders: Int,
        idealProductionTime: TimeInterval,
        target: Int?
    ) {
        self.produced = produced
        self.good = good
        self.rejects = rejects
        self.startupRejects = startupRejects
        self.productionRejects = productionRejects
        self.reworked = reworked
        self.producedOutsideOrders = producedOutsideOrders
        self.idealProductionTime = idealProductionTime
        self.target = target
    }
}
