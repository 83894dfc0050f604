import Foundation
import Logging
import MS5Domain
import MS5EtherNetIP
import MS5MQTT
import MS5Modbus
import MS5OPCUA
import MS5Storage
import NIOSSL

/// What one controller is read for: its connection, and its metrics grouped by poll rate.
struct PLCPlan: Sendable, Equatable {
    let connection: PLCConnection
    /// The password the connection signs in with, if any.
    let password: String?
    /// The equipment's code, for the batch source and the status.
    let equipmentCode: String
    let metrics: [Metric]

    /// The metrics' addresses grouped by poll rate, fastest first.
    var groups: [(period: Duration, addresses: [String])] {
        Dictionary(grouping: metrics, by: \.pollMilliseconds).sorted { $0.key < $1.key }.map { milliseconds, metrics in
            (.milliseconds(milliseconds), metrics.map(\.address))
        }
    }

    /// The source that reads the plan's metrics with the connection's protocol.
    func makeSource(logger: Logger) -> any ControllerSource {
        switch connection.protocol {
        case .logix, .slc:
            let groups = groups.map { PollGroup(name: "\($0.period)", period: $0.period, tags: $0.addresses) }
            return EtherNetIPSource(configuration: Poller.Configuration(
                host: connection.host, port: connection.port, slot: connection.protocol == .logix ? UInt8(connection.slot) : nil,
                slc: connection.protocol == .slc, groups: groups), logger: logger)
        case .modbus:
            let groups = groups.map { ModbusPollGroup(name: "\($0.period)", period: $0.period, addresses: $0.addresses) }
            return ModbusSource(configuration: ModbusPoller.Configuration(
                host: connection.host, port: connection.port, unitId: UInt8(clamping: connection.slot), groups: groups), logger: logger)
        case .sparkplug:
            return SparkplugSource(mqtt: mqttConfiguration, hostID: "ms5-\(equipmentCode)", addresses: metrics.map(\.address), logger: logger)
        case .mqtt:
            return MQTTSource(mqtt: mqttConfiguration, addresses: metrics.map(\.address), logger: logger)
        case .opcua:
            let items = groups.flatMap { OPCUASubscriberConfiguration.Item.group(period: $0.period, nodeIDs: $0.addresses) }
            let credentials = connection.username.map { OPCUACredentials.userName($0, password: password ?? "") } ?? .anonymous
            return OPCUASource(configuration: OPCUASubscriber.Configuration(
                endpointURL: "opc.tcp://\(connection.host):\(connection.port)\(connection.endpointPath ?? "")", credentials: credentials,
                items: items), logger: logger)
        }
    }

    /// The broker settings of an MQTT or Sparkplug connection: address, credentials and TLS.
    private var mqttConfiguration: MQTTClientConfiguration {
        var configuration = MQTTClientConfiguration(host: connection.host, port: connection.port, clientIdentifier: "ms5")
        configuration.credentials = connection.username.map { MQTTCredentials(username: $0, password: password ?? "") }
        if connection.tls {
            var tls = TLSConfiguration.makeClientConfiguration()
            if let caFile = connection.tlsCAFile { tls.trustRoots = .file(caFile) }
            configuration.tls = tls
        }
        return configuration
    }

    /// The plans of every enabled connection whose equipment has metrics of its protocol.
    static func plans(connections: [PLCConnectionStore.Credentialed], metrics: [Metric], equipmentCodes: [UUID: String]) -> [UUID: PLCPlan] {
        var plans: [UUID: PLCPlan] = [:]
        for (connection, password) in connections.map({ ($0.connection, $0.password) }) where connection.enabled {
            let bound = metrics.filter { $0.equipmentId == connection.equipmentId && $0.connector == connection.protocol.connector }
            guard !bound.isEmpty else { continue }
            plans[connection.equipmentId] = PLCPlan(
                connection: connection, password: password, equipmentCode: equipmentCodes[connection.equipmentId] ?? connection.equipmentId.uuidString, metrics: bound)
        }
        return plans
    }
}
