import Foundation
import Logging
import MS5Domain
import MS5Storage
import ServiceLifecycle

/// Raises Andon calls for the rules: every `interval` it reads each enabled rule's equipment
/// (active faults, current state, counts over the window) from the database and raises a call
/// for each condition past its threshold. Working from stored data, it picks up after a restart,
/// and the database keeps it to one open rule call per equipment and category across instances.
public struct AndonRuleEngine: Service {
    let calls: AndonCallStore
    let rules: AndonRuleStore
    let faults: FaultEventStore
    let states: StateStore
    let counters: CounterWindows
    let interval: Duration
    let clock: @Sendable () -> Date
    let logger: Logger

    /// Creates the engine over `database`, raising calls through `calls`.
    public init(calls: AndonCallStore, database: Database, interval: Duration = .seconds(2), clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        self.calls = calls
        self.rules = AndonRuleStore(database: database)
        self.faults = FaultEventStore(database: database)
        self.states = StateStore(database: database)
        self.counters = CounterWindows(database: database)
        self.interval = interval
        self.clock = clock
        self.logger = logger
    }

    /// Checks every enabled rule once; returns the calls this round raised.
    @discardableResult
    public func check() async throws -> [AndonCall] {
        var raised: [AndonCall] = []
        for rule in try await rules.list(enabledOnly: true) {
            guard let finding = try await finding(for: rule),
                  let event = try await calls.raise(by: rule, cause: finding.cause, text: finding.text)
            else { continue }
            logger.notice("Andon rule raised a call", metadata: ["rule": "\(rule.id)", "cause": "\(finding.cause)"])
            raised.append(event.call)
        }
        return raised
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        // Graceful shutdown cancels the wait between rounds, so ms5 stops at once.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                // The first round waits too, while the server migrates its database and starts.
                do { try await Task.sleep(for: interval) } catch { return }
                do {
                    try await check()
                } catch {
                    logger.warning("Checking Andon rules failed; trying again", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    private func finding(for rule: AndonRule) async throws -> RuleFinding? {
        let now = clock()
        switch rule.trigger {
        case .fault:
            return RuleFinding.fault(rule, active: try await faults.active(equipmentId: rule.equipmentId), now: now)
        case .starvedBlocked:
            return RuleFinding.starvedBlocked(rule, current: try await states.openInterval(equipmentId: rule.equipmentId), now: now)
        case .rejectRate:
            let window = TimeSpan(start: now.addingTimeInterval(-Double((rule.windowMinutes ?? 60) * 60)), end: now)
            let counts = try await counters.counts(equipmentId: rule.equipmentId, in: window)
            return RuleFinding.rejectRate(rule, counts: counts, windowEnd: now)
        case .person:
            return nil
        }
    }
}
