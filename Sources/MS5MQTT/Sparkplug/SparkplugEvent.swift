/// What a ``SparkplugHost`` reports.
public enum SparkplugEvent: Sendable, Hashable {
    /// A metric value from a birth or data message.
    case metric(SparkplugMetricUpdate)
    /// An edge node or device came online or went offline.
    case connectivity(SparkplugConnectivityChange)
    /// The host asked an edge node to rebirth (an NCMD with `Node Control/Rebirth` = true).
    case rebirthRequested(groupID: String, edgeNodeID: String, reason: SparkplugRebirthReason)
    /// A message on a Sparkplug topic could not be decoded.
    case invalidMessage(topic: String, reason: String)
}
