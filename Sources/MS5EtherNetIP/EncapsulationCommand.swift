/// Encapsulation commands used by EtherNet/IP explicit messaging.
public enum EncapsulationCommand: UInt16, Sendable {
    /// No operation; no reply is sent.
    case nop = 0x0000
    /// Lists the services the target supports.
    case listServices = 0x0004
    /// Asks the target for its identity.
    case listIdentity = 0x0063
    /// Lists the target's interfaces.
    case listInterfaces = 0x0064
    /// Opens a session and obtains a session handle.
    case registerSession = 0x0065
    /// Closes the session.
    case unregisterSession = 0x0066
    /// Unconnected (request/reply) CIP messaging.
    case sendRRData = 0x006F
    /// Connected (class 3) CIP messaging.
    case sendUnitData = 0x0070
}
