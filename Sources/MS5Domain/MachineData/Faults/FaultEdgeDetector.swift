import Foundation

/// Turns samples of a fault-word tag into raise/clear ``FaultEvent``s.
///
/// A pure state machine: it holds the last value of every word and the active
/// faults, does no I/O and reads no clock. Mutate it from one place (an actor).
///
/// Rules:
/// - **First sample of a word**: the previous value is taken as 0, so bits already
///   set are raised at that sample's timestamp (the true start time is unknown).
/// - **Time**: one clock for all words. A sample older than the newest sample seen
///   (for any word) is ignored and counted in ``outOfOrderSamples``; equal
///   timestamps are accepted.
/// - **Order inside a sample**: clears are handled before raises, each in
///   (word, bit) order, and the returned events follow that order.
/// - **First-out**: a raise of kind ``FaultKind/fault`` is first-out when, after the
///   sample's clears, no other fault of kind `.fault` is active. When several such
///   bits rise in the same sample, the lowest (word, bit) is first-out and the
///   others are not. Warnings and statuses are never first-out and never block it.
///   A clear event repeats the first-out flag of its raise.
/// - **Uncatalogued bits** are not dropped: they get a definition from
///   ``FaultDefinition/uncatalogued(word:bit:kind:)`` with the kind given at init
///   and `isUncatalogued == true`.
/// - **Catalog**: invalid entries (see ``FaultDefinition/isValid``) and second
///   entries for an already-used (word, bit) are left out and listed in
///   ``rejectedDefinitions``; the first entry for an address wins.
public struct FaultEdgeDetector: Sendable, Equatable {
    /// Kind given to uncatalogued bits. `.fault` (the default) makes them take part
    /// in first-out and hold the machine, like any bit of a fault word.
    public let uncataloguedKind: FaultKind
    /// Catalog entries that were not used: invalid, or a duplicate address.
    public let rejectedDefinitions: [FaultDefinition]
    /// Number of samples ignored because their timestamp went backwards.
    public private(set) var outOfOrderSamples = 0
    /// Number of samples ignored because their word index was negative.
    public private(set) var invalidWordSamples = 0
    /// Timestamp of the newest accepted sample, `nil` before the first.
    public private(set) var lastSampleAt: Date?

    private let catalog: [FaultAddress: FaultDefinition]
    private var lastWords: [Int: UInt32] = [:]
    private var activeFaults: [FaultAddress: ActiveFault] = [:]

    /// Creates a detector for a catalog.
    /// - Parameters:
    ///   - catalog: The fault definitions of the fault-word tag.
    ///   - uncataloguedKind: Kind given to bits without a catalog entry.
    public init(catalog: [FaultDefinition], uncataloguedKind: FaultKind = .fault) {
        var table: [FaultAddress: FaultDefinition] = [:]
        var rejected: [FaultDefinition] = []
        for definition in catalog {
            if definition.isValid && table[definition.address] == nil {
                table[definition.address] = definition
            } else {
                rejected.append(definition)
            }
        }
        self.catalog = table
        self.rejectedDefinitions = rejected
        self.uncataloguedKind = uncataloguedKind
    }

    /// The active faults, in (word, bit) order.
    public var active: [ActiveFault] {
        activeFaults.values.sorted { $0.address < $1.address }
    }

    /// The catalog entry for a bit, or `nil` when the bit is uncatalogued.
    public func definition(word: Int, bit: Int) -> FaultDefinition? {
        catalog[FaultAddress(word: word, bit: bit)]
    }

    /// Ingests one sample of one word.
    /// - Returns: The events for the bits that changed (empty when ignored).
    @discardableResult
    public mutating func ingest(word: Int, value: UInt32, at: Date) -> [FaultEvent] {
        guard word >= 0 else {
            invalidWordSamples += 1
            return []
        }
        guard accept(at) else { return [] }
        return apply(changes: changes(word: word, value: value), at: at)
    }

    /// Ingests one sample of the whole tag: `words[i]` is word `i`.
    ///
    /// All bits rising across the words count as one sample for first-out.
    /// Words with an index ≥ `words.count` keep their last value.
    /// - Returns: The events for the bits that changed (empty when ignored).
    @discardableResult
    public mutating func ingest(words: [UInt32], at: Date) -> [FaultEvent] {
        guard accept(at) else { return [] }
        var all: [BitChange] = []
        for (word, value) in words.enumerated() {
            all += changes(word: word, value: value)
        }
        return apply(changes: all, at: at)
    }

    /// Clears every active fault, e.g. when the connection to the PLC is lost, and
    /// forgets the last word values so the next sample counts as a first sample.
    ///
    /// A timestamp older than ``lastSampleAt`` is raised to it, so durations are
    /// never negative; this call is never ignored.
    /// - Returns: One clear event per active fault, in (word, bit) order.
    @discardableResult
    public mutating func clearAll(at: Date) -> [FaultEvent] {
        let time = max(at, lastSampleAt ?? at)
        lastSampleAt = time
        let events = active.map { clearEvent(for: $0, at: time) }
        activeFaults.removeAll()
        lastWords.removeAll()
        return events
    }

    // MARK: - Private

    private struct BitChange {
        var address: FaultAddress
        var rising: Bool
    }

    private mutating func accept(_ time: Date) -> Bool {
        if let last = lastSampleAt, time < last {
            outOfOrderSamples += 1
            return false
        }
        lastSampleAt = time
        return true
    }

    private mutating func changes(word: Int, value: UInt32) -> [BitChange] {
        let previous = lastWords[word] ?? 0
        lastWords[word] = value
        let changed = previous ^ value
        guard changed != 0 else { return [] }
        var result: [BitChange] = []
        for bit in 0..<FaultAddress.bitsPerWord where changed & (UInt32(1) << UInt32(bit)) != 0 {
            let rising = value & (UInt32(1) << UInt32(bit)) != 0
            result.append(BitChange(address: FaultAddress(word: word, bit: bit), rising: rising))
        }
        return result
    }

    private mutating func apply(changes: [BitChange], at time: Date) -> [FaultEvent] {
        var events: [FaultEvent] = []
        let clears = changes.filter { !$0.rising }.map(\.address).sorted()
        for address in clears {
            guard let fault = activeFaults.removeValue(forKey: address) else { continue }
            events.append(clearEvent(for: fault, at: time))
        }
        var faultActive = activeFaults.values.contains { $0.definition.kind == .fault }
        let raises = changes.filter(\.rising).map(\.address).sorted()
        for address in raises {
            let known = catalog[address]
            let definition = known
                ?? .uncatalogued(word: address.word, bit: address.bit, kind: uncataloguedKind)
            let isFault = definition.kind == .fault
            let firstOut = isFault && !faultActive
            if isFault { faultActive = true }
            let fault = ActiveFault(
                definition: definition, since: time, firstOut: firstOut, isUncatalogued: known == nil)
            activeFaults[address] = fault
            events.append(
                FaultEvent(
                    definition: definition, edge: .raised, at: time, raisedAt: time,
                    duration: nil, firstOut: firstOut, isUncatalogued: known == nil))
        }
        return events
    }

    private func clearEvent(for fault: ActiveFault, at time: Date) -> FaultEvent {
        FaultEvent(
            definition: fault.definition, edge: .cleared, at: time, raisedAt: fault.since,
            duration: time.timeIntervalSince(fault.since), firstOut: fault.firstOut,
            isUncatalogued: fault.isUncatalogued)
    }
}
