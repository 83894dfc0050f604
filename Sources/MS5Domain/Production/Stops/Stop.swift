import Foundation

/// A stretch of non-running time within planned busy time on one equipment,
/// with its coding.
///
/// ``start`` and ``end`` are the first and last instants of planned busy time the
/// stop covers; ``plannedSpans`` are exactly those instants, so planned downtime
/// inside a stop (a break while the machine stayed down) is not counted in its
/// ``duration``. A stop across a shift boundary is one stop; KPIs of each shift
/// clip ``plannedSpans`` to the shift.
public struct Stop: Sendable, Equatable, Hashable, Codable {
    /// Stable identifier, `"<equipmentId>@<start in ms since 1970>"`.
    public var id: String
    /// The equipment (or line constraint) that stopped.
    public var equipmentId: String
    /// First planned instant of the stop.
    public var start: Date
    /// End (exclusive) of the last planned instant of the stop.
    public var end: Date
    /// The planned busy time the stop covers.
    public var plannedSpans: TimeSpanSet
    /// The machine state when the stop began.
    public var initialState: MachineState
    /// Code of the first-out fault active when the machine stopped, if any.
    public var firstOutFaultCode: String?
    /// Reason proposed from the first-out fault, if its code maps to one.
    public var proposedReasonCode: String?
    /// Reason confirmed or chosen by an operator.
    public var reasonCode: String?
    /// When the stop was first coded by an operator.
    public var codedAt: Date?
    /// Operator remarks, oldest first.
    public var comments: [StopComment]

    /// Creates a stop; ``start`` and ``end`` are the bounds of `plannedSpans`
    /// (both 1970-01-01 when it is empty, which ``StopDeriver`` never produces).
    public init(
        id: String,
        equipmentId: String,
        plannedSpans: TimeSpanSet,
        initialState: MachineState,
        firstOutFaultCode: String? = nil,
        proposedReasonCode: String? = nil,
        reasonCode: String? = nil,
        codedAt: Date? = nil,
        comments: [StopComment] = []
    ) {
        let hull = plannedSpans.hull
        self.id = id
        self.equipmentId = equipmentId
        self.start = hull?.start ?? Date(timeIntervalSince1970: 0)
        self.end = hull?.end ?? Date(timeIntervalSince1970: 0)
        self.plannedSpans = plannedSpans
        self.initialState = initialState
        self.firstOutFaultCode = firstOutFaultCode
        self.proposedReasonCode = proposedReasonCode
        self.reasonCode = reasonCode
        self.codedAt = codedAt
        self.comments = comments
    }

    /// The identifier a stop of `equipmentId` starting at `start` gets.
    public static func identifier(equipmentId: String, start: Date) -> String {
        "\(equipmentId)@\(Int64((start.timeIntervalSince1970 * 1000).rounded()))"
    }

    /// `[start, end)`.
    public var span: TimeSpan { TimeSpan(start: start, end: end) }

    /// Seconds of planned busy time lost to the stop.
    public var duration: TimeInterval { plannedSpans.duration }

    /// The confirmed reason, else the proposed one.
    public var effectiveReasonCode: String? { reasonCode ?? proposedReasonCode }

    /// Uncoded, proposed or confirmed.
    public var codingStatus: StopCodingStatus {
        if reasonCode != nil { return .confirmed }
        return proposedReasonCode != nil ? .proposed : .uncoded
    }

    /// True when the stop is shorter than `threshold` seconds: a minor stop.
    public func isMinor(threshold: TimeInterval) -> Bool { duration < threshold }
}
