/// Where a metric's values come from.
public enum ConnectorType: String, ClosedSet, Equatable {
    /// Allen-Bradley CompactLogix / ControlLogix over EtherNet/IP (CIP): symbolic tag paths.
    case logix
    /// Allen-Bradley SLC 500 / MicroLogix over EtherNet/IP (PCCC): data-table addresses.
    case slc
    /// OPC UA: node ids.
    case opcua
    /// MQTT: a topic, optionally with a JSON path into the payload.
    case mqtt
    /// Sparkplug B over MQTT: `GROUP/EDGE_NODE[/DEVICE]:METRIC NAME`.
    case sparkplug
    /// Modbus TCP: a register or bit address.
    case modbus
    /// The built-in simulated plant.
    case simulator
    /// Values pushed to `POST /v1/telemetry/batches` by another system or an edge.
    case push
}
