import Foundation
import Logging
import MS5Domain
import MS5EtherNetIP
import MS5Modbus
import MS5OPCUA

/// What one controller is read for: its connection, and its metrics grouped by poll rate.
struct PLCPlan: Sendable, Equatable {
    let connection: PLCConnection
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
            return SparkplugSource(
                host: connection.host, port: connection.port, hostID: "ms5-\(equipmentCode)", addresses: metrics.map(\.address), logger: logger)
        case .mqtt:
            return MQTTSource(host: connection.host, port: connection.port, addresses: metrics.map(\.address), logger: logger)
        case .opcua:
            let items = groups.flatMap { OPCUASubscriberConfiguration.Item.group(period: $0.period, nodeIDs: $0.addresses) }
            return OPCUASource(configuration: OPCUASubscriber.Configuration(
                endpointURL: "opc.tcp://\(connection.host):\(connection.port)", items: items), logger: logger)
        }
    }

    /// The plans of every enabled connection whose equipment has metrics of its protocol.
    static func plans(connections: [PLCConnection], metrics: [Metric], equipmentCodes: [UUID: String]) -> [UUID: PLCPlan] {
        var plans: [UUID: PLCPlan] = [:]
        for connection in connections where connection.enabled {
            let bound = metrics.filter { $0.equipmentId == connection.equipmentId && $0.connector == connection.protocol.connector }
            guard !bound.isEmpty else { continue }
            plans[connection.equipmentId] = PLCPlan(
                connection: connection, equipmentCode: equipmentCodes[connection.equipmentId] ?? connection.equipmentId.uuidString, metrics: bound)
        }
        return plans
    }
}
