/// The message types of the Sparkplug B topic namespace.
public enum SparkplugMessageType: String, Sendable, Hashable, CaseIterable {
    /// Edge node birth certificate.
    case nodeBirth = "NBIRTH"
    /// Edge node death certificate.
    case nodeDeath = "NDEATH"
    /// Device birth certificate.
    case deviceBirth = "DBIRTH"
    /// Device death certificate.
    case deviceDeath = "DDEATH"
    /// Edge node data.
    case nodeData = "NDATA"
    /// Device data.
    case deviceData = "DDATA"
    /// Command to an edge node.
    case nodeCommand = "NCMD"
    /// Command to a device.
    case deviceCommand = "DCMD"
}
