import Foundation
import MS5Domain
import MS5EtherNetIP

/// What one controller is polled for: its connection, and its metrics grouped by poll rate.
struct PLCPlan: Sendable, Equatable {
    let connection: PLCConnection
    /// The equipment's code, for the batch source and the status.
    let equipmentCode: String
    let metrics: [Metric]

    /// The poller's configuration: one poll group per poll rate.
    var pollerConfiguration: Poller.Configuration {
        let groups = Dictionary(grouping: metrics, by: \.pollMilliseconds).sorted { $0.key < $1.key }.map { milliseconds, metrics in
            PollGroup(name: "\(milliseconds) ms", period: .milliseconds(milliseconds), tags: metrics.map(\.address))
        }
        return Poller.Configuration(
            host: connection.host, port: connection.port, slot: connection.protocol == .logix ? UInt8(connection.slot) : nil,
            slc: connection.protocol == .slc, groups: groups)
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
