import Foundation

/// The host application's view of all edge nodes: births, aliases, sequence numbers and deaths.
///
/// Pure and synchronous: ``process(topic:payload:receivedAt:)`` turns one message into events and
/// tells whether a rebirth must be requested. ``SparkplugHost`` feeds it from MQTT.
public struct SparkplugHostState: Sendable {
    /// The outcome of one message.
    public struct Outcome: Sendable, Hashable {
        /// Events to report, in order.
        public var events: [SparkplugEvent] = []
        /// Set when the edge node must be asked to rebirth.
        public var rebirth: SparkplugRebirthReason?
    }

    private struct NodeKey: Hashable {
        let group: String
        let node: String
    }

    private var nodes: [NodeKey: SparkplugNodeState] = [:]

    /// Creates an empty state: every node is unknown.
    public init() {}

    /// Edge nodes currently online.
    public var onlineNodeCount: Int { nodes.values.filter(\.online).count }

    /// Devices currently online.
    public var onlineDeviceCount: Int { nodes.values.reduce(0) { $0 + $1.onlineDevices.count } }

    /// Applies one decoded message.
    public mutating func process(topic: SparkplugTopic, payload: SparkplugBPayload, receivedAt: Date) -> Outcome {
        let key = NodeKey(group: topic.groupID, node: topic.edgeNodeID)
        var node = nodes[key] ?? SparkplugNodeState()
        var outcome = Outcome()
        let payloadTime = payload.hasTimestamp ? Self.date(milliseconds: payload.timestamp) : receivedAt
        switch topic.messageType {
        case .nodeBirth:
            node = SparkplugNodeState()
            node.online = true
            node.lastSequence = UInt8(truncatingIfNeeded: payload.seq)
            node.birthDeathSequence = payload.metrics.first { $0.name == "bdSeq" }.map(\.longValue)
            outcome.events.append(connectivity(topic, online: true, at: payloadTime))
            learn(payload.metrics, device: nil, into: &node)
            outcome.events += metrics(payload, topic: topic, node: &node, time: payloadTime, outcome: &outcome)
        case .nodeDeath:
            let deathSequence = payload.metrics.first { $0.name == "bdSeq" }.map(\.longValue)
            guard node.online, node.birthDeathSequence == nil || deathSequence == node.birthDeathSequence else {
                return outcome
            }
            for device in node.onlineDevices.sorted() {
                outcome.events.append(connectivity(topic, device: device, online: false, at: payloadTime))
            }
            outcome.events.append(connectivity(topic, online: false, at: payloadTime))
            node.online = false
            node.onlineDevices = []
        case .deviceBirth, .deviceDeath, .nodeData, .deviceData:
            guard node.online else {
                outcome.rebirth = .unknownNode
                break
            }
            checkSequence(payload, node: &node, outcome: &outcome)
            let device = topic.deviceID
            if topic.messageType == .deviceBirth, let device {
                node.onlineDevices.insert(device)
                outcome.events.append(connectivity(topic, device: device, online: true, at: payloadTime))
                learn(payload.metrics, device: device, into: &node)
            } else if let device, !node.onlineDevices.contains(device) {
                outcome.rebirth = outcome.rebirth ?? .unknownDevice(device)
                break
            }
            if topic.messageType == .deviceDeath, let device {
                node.onlineDevices.remove(device)
                outcome.events.append(connectivity(topic, device: device, online: false, at: payloadTime))
            } else {
                outcome.events += metrics(payload, topic: topic, node: &node, time: payloadTime, outcome: &outcome)
            }
        case .nodeCommand, .deviceCommand:
            return outcome
        }
        if outcome.rebirth != nil {
            if node.rebirthPending { outcome.rebirth = nil }
            node.rebirthPending = true
        }
        nodes[key] = node
        return outcome
    }

    private func checkSequence(_ payload: SparkplugBPayload, node: inout SparkplugNodeState, outcome: inout Outcome) {
        let expected = node.lastSequence &+ 1
        if !payload.hasSeq || payload.seq != UInt64(expected) {
            outcome.rebirth = .sequenceGap(expected: expected, received: payload.seq)
        }
        node.lastSequence = UInt8(truncatingIfNeeded: payload.seq)
    }

    private func learn(_ metrics: [SparkplugBPayload.Metric], device: String?, into node: inout SparkplugNodeState) {
        var datatypes = node.datatypes[device ?? ""] ?? [:]
        for metric in metrics where metric.hasName {
            let datatype = metric.hasDatatype ? metric.datatype : nil
            if let datatype { datatypes[metric.name] = datatype }
            if metric.hasAlias {
                node.aliases[metric.alias] = SparkplugNodeState.MetricDefinition(name: metric.name, datatype: datatype)
            }
        }
        node.datatypes[device ?? ""] = datatypes
    }

    private func metrics(
        _ payload: SparkplugBPayload, topic: SparkplugTopic, node: inout SparkplugNodeState, time: Date,
        outcome: inout Outcome
    ) -> [SparkplugEvent] {
        let isBirth = topic.messageType == .nodeBirth || topic.messageType == .deviceBirth
        let datatypes = node.datatypes[topic.deviceID ?? ""] ?? [:]
        return payload.metrics.compactMap { metric in
            let name: String
            var datatype = metric.hasDatatype ? metric.datatype : nil
            if metric.hasName {
                name = metric.name
                datatype = datatype ?? datatypes[name]
            } else if metric.hasAlias {
                guard let definition = node.aliases[metric.alias] else {
                    outcome.rebirth = outcome.rebirth ?? .unknownAlias(metric.alias)
                    return nil
                }
                name = definition.name
                datatype = datatype ?? definition.datatype
            } else {
                outcome.rebirth = outcome.rebirth ?? .unnamedMetric
                return nil
            }
            return .metric(
                SparkplugMetricUpdate(
                    groupID: topic.groupID, edgeNodeID: topic.edgeNodeID, deviceID: topic.deviceID, name: name,
                    value: SparkplugValue(metric: metric, datatype: datatype),
                    timestamp: metric.hasTimestamp ? Self.date(milliseconds: metric.timestamp) : time,
                    isBirth: isBirth, isHistorical: metric.isHistorical))
        }
    }

    private func connectivity(_ topic: SparkplugTopic, device: String? = nil, online: Bool, at time: Date)
        -> SparkplugEvent
    {
        .connectivity(
            SparkplugConnectivityChange(
                groupID: topic.groupID, edgeNodeID: topic.edgeNodeID, deviceID: device, online: online, timestamp: time)
        )
    }

    private static func date(milliseconds: UInt64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
