/// Settings of a Sparkplug B primary host application.
public struct SparkplugHostConfiguration: Sendable {
    /// The host application identifier used in `spBv1.0/STATE/<hostID>`.
    public var hostID: String
    /// Groups to follow; empty follows every group.
    public var groupIDs: [String]
    /// The MQTT connection; its will and connect-time publishes are set by the host.
    public var mqtt: MQTTClientConfiguration

    /// Creates a configuration.
    public init(hostID: String, groupIDs: [String] = [], mqtt: MQTTClientConfiguration) {
        self.hostID = hostID
        self.groupIDs = groupIDs
        self.mqtt = mqtt
    }

    /// The retained STATE topic of this host.
    public var stateTopic: String { "\(SparkplugTopic.namespace)/STATE/\(hostID)" }

    /// The topic filters the host subscribes to.
    var subscriptionFilters: [String] {
        groupIDs.isEmpty ? ["\(SparkplugTopic.namespace)/#"] : groupIDs.map { "\(SparkplugTopic.namespace)/\($0)/#" }
    }
}
