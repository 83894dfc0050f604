import Foundation
import MS5Domain
import MS5Storage

/// The plant the ingest benchmark writes to: 10 equipment sharing the metrics evenly.
struct BenchPlant: Sendable {
    let equipment: [UUID]
    let metricsByEquipment: [UUID: [UUID]]
    let owner: [UUID: UUID]

    static func make(_ database: Database, metrics: Int) async throws -> BenchPlant {
        let site = try await SiteRepository(database: database).create(SiteInput(code: "BENCH", name: "Bench", timeZone: "UTC"))
        let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "A", name: "Area"))
        let line = try await LineRepository(database: database).create(LineInput(areaId: area.id, code: "L", name: "Line"))
        let repository = MetricRepository(database: database)
        var equipment: [UUID] = []
        var byEquipment: [UUID: [UUID]] = [:]
        var owner: [UUID: UUID] = [:]
        for e in 0..<10 {
            let machine = try await EquipmentRepository(database: database).create(
                EquipmentInput(lineId: line.id, code: "M\(e)", name: "Machine \(e)", type: "bench", criticality: 1))
            equipment.append(machine.id)
            let inputs = (0..<(metrics / 10)).map {
                MetricInput(key: "v\($0)", name: "Value \($0)", role: .processValue, connector: .push, address: "", dataType: "REAL")
            }
            _ = try await repository.importMetrics(equipmentId: machine.id, inputs, dryRun: false)
        }
        for metric in try await repository.all() {
            byEquipment[metric.equipmentId, default: []].append(metric.id)
            owner[metric.id] = metric.equipmentId
        }
        return BenchPlant(equipment: equipment, metricsByEquipment: byEquipment, owner: owner)
    }

    /// `count` rows cycling through every metric, one millisecond apart from `start`.
    func rows(count: Int, start: Date) -> [(equipmentId: UUID, metricId: UUID, timestamp: Date, value: Double)] {
        let metrics = owner.keys.sorted { $0.uuidString < $1.uuidString }
        return (0..<count).map { i in
            let metric = metrics[i % metrics.count]
            return (owner[metric]!, metric, start.addingTimeInterval(Double(i) / 1000), Double(i % 1000) / 10)
        }
    }
}
