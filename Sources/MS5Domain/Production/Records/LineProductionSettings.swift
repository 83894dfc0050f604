import Foundation

/// How a line's production is planned and judged: its shift pattern, stop reasons, which
/// equipment its OEE is taken at, and the thresholds of its KPIs. Its shifts count in the time
/// zone of the line's site.
public struct LineProductionSettings: Codable, Sendable, Equatable {
    /// The shifts the line works.
    public var shiftPattern: ShiftPattern
    /// Planned and unplanned stop reasons, by category.
    public var reasonTree: StopReasonTree
    /// The equipment the line's OEE is taken at (its constraint); nil until chosen.
    public var constraintEquipmentId: UUID?
    /// Stops shorter than this are minor stops, in seconds.
    public var minorStopSeconds: Double
    /// Rejects within this many seconds of a restart are start-up rejects.
    public var startupRejectWindowSeconds: Double
    /// The reason proposed for a stop whose first-out fault has this code.
    public var faultReasons: [String: String]
    /// Where the line's counters roll over (65536 for a 16-bit counter, 2³² for a DINT).
    public var counterRollover: Int

    /// Creates settings.
    public init(
        shiftPattern: ShiftPattern, reasonTree: StopReasonTree, constraintEquipmentId: UUID? = nil, minorStopSeconds: Double = 120,
        startupRejectWindowSeconds: Double = 600, faultReasons: [String: String] = [:], counterRollover: Int = 65_536
    ) {
        self.shiftPattern = shiftPattern
        self.reasonTree = reasonTree
        self.constraintEquipmentId = constraintEquipmentId
        self.minorStopSeconds = minorStopSeconds
        self.startupRejectWindowSeconds = startupRejectWindowSeconds
        self.faultReasons = faultReasons
        self.counterRollover = counterRollover
    }

    /// The KPI thresholds as the calculator takes them.
    public var oeeSettings: OEESettings {
        OEESettings(minorStopThreshold: minorStopSeconds, startupRejectWindow: startupRejectWindowSeconds)
    }

    /// Refuses the settings with every field at fault, naming the nested field.
    public func validate() throws(DomainError) {
        var violations: [FieldViolation] = []
        do { _ = try shiftPattern.validated() } catch { violations += error.violations.map { $0.nested(under: "shiftPattern") } }
        do { _ = try reasonTree.validated() } catch { violations += error.violations.map { $0.nested(under: "reasonTree") } }
        var v = Validator()
        v.check(minorStopSeconds.isFinite && (0...3600).contains(minorStopSeconds), "minorStopSeconds", "must be from 0 to 3600")
        v.check(startupRejectWindowSeconds.isFinite && (0...86_400).contains(startupRejectWindowSeconds),
                "startupRejectWindowSeconds", "must be from 0 to 86400")
        v.check((2...(1 << 40)).contains(counterRollover), "counterRollover", "must be from 2 to 2^40")
        for (fault, reason) in faultReasons.sorted(by: { $0.key < $1.key }) where reasonTree.classify(reason) == nil {
            v.check(false, "faultReasons/\(fault)", "names reason '\(reason)', which is not in the reason tree")
        }
        do { try v.finish() } catch { violations += error.violations }
        guard violations.isEmpty else { throw DomainError.invalid(violations) }
    }
}
