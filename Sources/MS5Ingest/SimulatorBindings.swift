import Foundation
import MS5Domain
import MS5Storage

/// Which metric each simulated tag feeds: every metric with the connector `simulator`, by its
/// equipment's code and its address (the simulated tag's name).
public enum SimulatorBindings {
    /// The metric of every simulated tag that has one.
    public static func load(_ database: Database) async throws -> [SimulatorFeed.SimulatedBinding: UUID] {
        let metrics = try await MetricRepository(database: database).all().filter { $0.connector == .simulator }
        var codes: [UUID: String] = [:]
        var bindings: [SimulatorFeed.SimulatedBinding: UUID] = [:]
        let equipment = EquipmentRepository(database: database)
        for metric in metrics {
            if codes[metric.equipmentId] == nil { codes[metric.equipmentId] = try await equipment.get(metric.equipmentId).code }
            if let code = codes[metric.equipmentId] {
                bindings[SimulatorFeed.SimulatedBinding(equipment: code, tag: metric.address)] = metric.id
            }
        }
        return bindings
    }
}
