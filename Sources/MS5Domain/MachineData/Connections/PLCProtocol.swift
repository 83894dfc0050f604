/// How MS5 talks to a controller: the protocol, and with it which of the equipment's metrics
/// (by connector) the connection reads.
public enum PLCProtocol: String, ClosedSet, Equatable, Hashable {
    /// ControlLogix/CompactLogix over EtherNet/IP: symbolic tags, routed to the controller's backplane slot.
    case logix
    /// SLC 500 / MicroLogix over EtherNet/IP: PCCC data-table addresses.
    case slc
    /// Modbus TCP: register and bit addresses; the connection's slot is the unit id.
    case modbus
    /// OPC UA (opc.tcp, security policy None, anonymous or user name): node ids, read by subscription.
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

    /// Whether the protocol signs in with a user name and password (MQTT brokers, OPC UA servers).
    public var takesCredentials: Bool {
        [.opcua, .mqtt, .sparkplug].contains(self)
    }

    /// Whether the protocol can run over TLS (MQTT brokers, usually on port 8883).
    public var takesTLS: Bool {
        [.mqtt, .sparkplug].contains(self)
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
