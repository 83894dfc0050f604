/// How MS5 talks to a controller over EtherNet/IP.
public enum PLCProtocol: String, ClosedSet, Equatable, Hashable {
    /// ControlLogix/CompactLogix: symbolic tags, routed to the controller's backplane slot.
    case logix
    /// SLC 500 / MicroLogix: PCCC data-table addresses.
    case slc

    /// The metric connector whose addresses this protocol reads.
    public var connector: ConnectorType { self == .logix ? .logix : .slc }
}
