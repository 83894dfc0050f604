import Foundation

/// The attribute rule for operators: they change a piece of equipment's checklists, stop
/// reasons and job state only while they hold a job on its line for the shift in progress.
///
/// A job is for one shift of the line: the one in progress when the supervisor gave it, or the
/// next one to start if it was given between shifts. The operator's duty on the line lasts from
/// that shift's start to its end; a completed job gives none.
public struct ShiftDuty: Sendable {
    /// An operator's job on an order of the line.
    public struct Job: Sendable, Equatable {
        /// When the supervisor gave the job.
        public var assignedAt: Date
        /// Where the job is.
        public var status: AssignmentStatus

        /// Creates a job.
        public init(assignedAt: Date, status: AssignmentStatus) {
            self.assignedAt = assignedAt
            self.status = status
        }
    }

    /// The line's shifts.
    public let shiftPattern: ShiftPattern
    /// The time zone of the line's site, in which its shifts are worked.
    public let timeZone: TimeZone

    /// Creates the rule for a line working `shiftPattern` in `timeZone`.
    public init(shiftPattern: ShiftPattern, timeZone: TimeZone) {
        self.shiftPattern = shiftPattern
        self.timeZone = timeZone
    }

    /// The shift a job given at `date` is for: the one in progress then, or else the next one
    /// to start within a week; nil when the line works no shift in that week.
    public func shift(forJobGivenAt date: Date) -> ShiftInstance? {
        let week = TimeSpan(start: date, end: date.addingTimeInterval(7 * 86_400))
        return shiftPattern.instances(overlapping: week, in: timeZone).first { $0.end > date }
    }

    /// Whether an operator holding `jobs` on the line is on duty there at `now`; when not, why,
    /// in a sentence for the operator.
    public func refusal(jobs: [Job], at now: Date) -> String? {
        let open = jobs.filter { $0.status != .completed }
        guard !open.isEmpty else {
            return "You hold no open job on this line; a supervisor assigns you to one of its orders first."
        }
        let shifts = open.compactMap { shift(forJobGivenAt: $0.assignedAt) }
        if shifts.contains(where: { $0.span.contains(now) }) { return nil }
        if let next = shifts.filter({ $0.start > now }).min(by: { $0.start < $1.start }) {
            return "Your job on this line is for the \(next.name) shift, which has not started yet."
        }
        return "Your shift on this line is over; a supervisor assigns you again for the shift in progress."
    }
}
