import Foundation

/// Where the controller of an equipment is: MS5 reads the equipment's metrics of the
/// connection's protocol (`logix`, `slc`, `modbus` or `opcua`) from it.
public struct PLCConnection: Codable, Sendable, Equatable {
    public var equipmentId: UUID
    /// Host name or IP address of the controller (or its EtherNet/IP module).
    public var host: String
    public var port: Int
    /// Backplane slot of a Logix controller, or the unit id of a Modbus device; 0 for OPC UA.
    public var slot: Int
    public var `protocol`: PLCProtocol
    /// Polling stops while false, without losing the configuration.
    public var enabled: Bool
    public var updatedAt: Date

    /// Creates a connection record.
    public init(equipmentId: UUID, host: String, port: Int, slot: Int, protocol: PLCProtocol, enabled: Bool, updatedAt: Date) {
        self.equipmentId = equipmentId
        self.host = host
        self.port = port
        self.slot = slot
        self.protocol = `protocol`
        self.enabled = enabled
        self.updatedAt = updatedAt
    }
}

/// What a client sends to set an equipment's controller connection.
public struct PLCConnectionInput: Codable, Sendable, Equatable {
    public var host: String
    public var port: Int
    public var slot: Int
    public var `protocol`: PLCProtocol
    public var enabled: Bool

    /// Creates the input.
    public init(host: String, port: Int = 44818, slot: Int = 0, protocol: PLCProtocol, enabled: Bool = true) {
        self.host = host
        self.port = port
        self.slot = slot
        self.protocol = `protocol`
        self.enabled = enabled
    }

    /// Refuses the input with every field at fault.
    public func validate() throws(DomainError) {
        var v = Validator()
        v.check(!host.isEmpty && host.count <= 253 && host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-.:".contains($0)) },
                "host", "must be a host name or IP address")
        v.check((1...65_535).contains(port), "port", "must be from 1 to 65535")
        v.check(`protocol`.slots.contains(slot), "slot",
                "must be from \(`protocol`.slots.lowerBound) to \(`protocol`.slots.upperBound) for \(`protocol`.rawValue)")
        try v.finish()
    }
}
