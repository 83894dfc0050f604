/// Every kind of event MS5 publishes, with its version: the catalogue integrations build on.
///
/// A type's raw value is its full name (`production.stop.unplanned.v1`). Its data never changes
/// incompatibly under the same name: a breaking change is a new case with the next version,
/// published beside the old one until consumers have moved (the schema test in the server's
/// tests holds this).
public enum EventType: String, ClosedSet, Hashable {
    case productionStopUnplanned = "production.stop.unplanned.v1"
    case productionStopPlanned = "production.stop.planned.v1"
    case machineStateChanged = "machine.state.changed.v1"
    case machineFault = "machine.fault.v1"
    case andonTriggered = "andon.triggered.v1"
    case andonAcknowledged = "andon.acknowledged.v1"
    case andonEscalated = "andon.escalated.v1"
    case andonResolved = "andon.resolved.v1"
    case andonCancelled = "andon.cancelled.v1"
    case workflowTaskOpened = "workflow.task.opened.v1"
    case workflowTaskClaimed = "workflow.task.claimed.v1"
    case workflowTaskReleased = "workflow.task.released.v1"
    case workflowTaskCompleted = "workflow.task.completed.v1"
    case workflowTaskCancelled = "workflow.task.cancelled.v1"
    case workflowTaskReassigned = "workflow.task.reassigned.v1"
    case workflowTaskEscalated = "workflow.task.escalated.v1"
    case workflowSignalDelivered = "workflow.signal.delivered.v1"

    /// The family the type belongs to, which names its Kafka topic (`production.stop`,
    /// `machine.state`, `machine.fault`, `andon`, `workflow.task`, `workflow.signal`).
    public var family: String {
        switch self {
        case .productionStopUnplanned, .productionStopPlanned: "production.stop"
        case .machineStateChanged: "machine.state"
        case .machineFault: "machine.fault"
        case .andonTriggered, .andonAcknowledged, .andonEscalated, .andonResolved, .andonCancelled: "andon"
        case .workflowTaskOpened, .workflowTaskClaimed, .workflowTaskReleased, .workflowTaskCompleted, .workflowTaskCancelled,
             .workflowTaskReassigned, .workflowTaskEscalated: "workflow.task"
        case .workflowSignalDelivered: "workflow.signal"
        }
    }

    /// The version, the number after the last `.v`.
    public var version: Int {
        Int(rawValue.split(separator: ".").last?.dropFirst() ?? "") ?? 1
    }

    /// What the event says, one sentence for the schema's description.
    public var summary: String {
        switch self {
        case .productionStopUnplanned: "A stop during planned production ended; its reason is unplanned or not coded yet."
        case .productionStopPlanned: "A stop during planned production ended; its reason is in a planned category."
        case .machineStateChanged: "An equipment's state timeline moved on: the interval that ended and the one now open."
        case .machineFault: "A fault bit of an equipment was raised or cleared."
        case .andonTriggered: "An Andon call was raised, by a person or a rule."
        case .andonAcknowledged: "Someone acknowledged an Andon call: help is on the way."
        case .andonEscalated: "An Andon call reached its next escalation level without being resolved."
        case .andonResolved: "An Andon call was resolved."
        case .andonCancelled: "An Andon call was cancelled."
        case .workflowTaskOpened: "A workflow opened a human task: who it is for, its priority and due date."
        case .workflowTaskClaimed: "Someone claimed a human task: they alone may complete it while the claim lasts."
        case .workflowTaskReleased: "The holder of a human task's claim gave it back: the task is open again."
        case .workflowTaskCompleted: "A human task was completed, with the e-signature when it needed one."
        case .workflowTaskCancelled: "A human task was cancelled: nobody needs to do it any more."
        case .workflowTaskReassigned: "A human task was handed to another user, role or team; any claim was released."
        case .workflowTaskEscalated: "An overdue human task reached further levels of its escalation chain; notify names who to tell."
        case .workflowSignalDelivered: "A workflow instance's wait took its signal (a machine state change, fault, count or a person's signal) and its handler ran."
        }
    }

    /// The Andon event type of a step of a call.
    public init(andon kind: AndonEvent.Kind) {
        self = switch kind {
        case .triggered: .andonTriggered
        case .acknowledged: .andonAcknowledged
        case .escalated: .andonEscalated
        case .resolved: .andonResolved
        case .cancelled: .andonCancelled
        }
    }

    /// The event type of a step of a human task.
    public init(task kind: HumanTaskEvent.Kind) {
        self = switch kind {
        case .opened: .workflowTaskOpened
        case .claimed: .workflowTaskClaimed
        case .released: .workflowTaskReleased
        case .completed: .workflowTaskCompleted
        case .cancelled: .workflowTaskCancelled
        case .reassigned: .workflowTaskReassigned
        case .escalated: .workflowTaskEscalated
        }
    }

    /// The stop event type of a stop's planning.
    public init(stop planning: StopPlanning) {
        self = planning == .planned ? .productionStopPlanned : .productionStopUnplanned
    }
}
