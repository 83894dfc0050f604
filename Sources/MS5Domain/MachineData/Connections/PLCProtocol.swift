/// How MS5 talks to a controller: the protocol, and with it which of the equipment's metrics
/// (by connector) the connection reads.
public enum PLCProtocol: String, ClosedSet, Equatable, Hashable {
    /// ControlLogix/CompactLogix over EtherNet/IP: symbolic tags, routed to the controller's backplane slot.
    case logix
    /// SLC 500 / MicroLogix over EtherNet/IP: PCCC data-table addresses.
    case slc
    /// Modbus TCP: register and bit addresses; the connection's slot is the unit id.
    case modbus
    /// OPC UA (opc.tcp, security policy None, anonymous): node ids, read by subscription.
    case opcua
    /// An MQTT broker: topics, with a JSON path into the payload where the value is inside one.
    case mqtt
    /// An MQTT broker carrying Sparkplug B: metrics of edge nodes and their devices, whose births
    /// and deaths say whether the equipment is connected.
    case sparkplug

    /// The metric connector whose addresses this protocol reads.
    public var connector: ConnectorType {
        switch self {
        case .logix: .logix
        case .slc: .slc
        case .modbus: .modbus
        case .opcua: .opcua
        case .mqtt: .mqtt
        case .sparkplug: .sparkplug
        }
    }

    /// The slots (Logix backplane slot, Modbus unit id) this protocol accepts.
    public var slots: ClosedRange<Int> {
        switch self {
        case .logix, .slc: 0...31
        case .modbus: 0...247
        case .opcua, .mqtt, .sparkplug: 0...0
        }
    }
}
