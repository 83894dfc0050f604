import MS5Domain
/// One entry of Bagger 1's fault catalog: bit `N` of the `Fault` BOOL[64] array and its message.
///
/// This mirrors a row of `bagger1-fault-messages.csv` (`Fault[N],Description,Source`) after the
/// importer has classified it as fault, warning or status. Pass the full imported catalog in
/// ``SimulatorConfiguration/faultCatalog``; ``FaultCatalog/bagger1Sample`` is a small default.
public struct FaultCatalogEntry: Sendable, Hashable, Codable {
    /// The index `N` in `Fault[N]`, `0 ... 63`. Entries outside that range are ignored.
    public var bit: Int
    /// The message text exactly as in the catalog.
    public var text: String
    /// Whether the entry stops a machine, only warns, or is a status message.
    public var kind: FaultKind
    /// The machine an active fault stops. `nil` means "infer from the text" with
    /// ``FaultCatalog/inferredMachine(forText:)`` (texts naming the slicer stop the slicer, …).
    public var machine: LineMachine?

    /// Creates a catalog entry; leave `machine` `nil` to infer it from `text`.
    public init(bit: Int, text: String, kind: FaultKind, machine: LineMachine? = nil) {
        self.bit = bit
        self.text = text
        self.kind = kind
        self.machine = machine
    }

    /// The machine this entry stops when it is a ``FaultKind/fault``: the explicit ``machine``
    /// or the one inferred from the text.
    public var stoppedMachine: LineMachine {
        machine ?? FaultCatalog.inferredMachine(forText: text)
    }

    /// `true` when the bit can be represented in the two 32-bit fault words.
    public var hasValidBit: Bool {
        (0 ..< FaultWords.bitCount).contains(bit)
    }
}
