import Foundation
import Logging
import MS5Edge
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Which core metric each simulated tag feeds, asked of the core at start and kept beside the
/// queue, so that an edge restarted while the core is down still collects.
enum EdgeBindings {
    /// The simulated machines the edge collects from.
    static let machines = ["SLC1", "BAG1", "BSK1"]

    /// `equipment code` + `/` + `tag` → metric id.
    static func resolve(core: URL, signIn: EdgeSignIn, cache: String, logger: Logger) async throws -> [String: UUID] {
        do {
            let bindings = try await fetch(core: core, token: try await signIn.token())
            try JSONEncoder().encode(bindings).write(to: URL(fileURLWithPath: cache))
            logger.notice("Bindings from the core", metadata: ["metrics": "\(bindings.count)"])
            return bindings
        } catch {
            if let data = FileManager.default.contents(atPath: cache), let cached = try? JSONDecoder().decode([String: UUID].self, from: data) {
                logger.warning("The core does not answer; using the bindings kept from the last start", metadata: ["error": "\(error)"])
                return cached
            }
            throw CommandFailure("Cannot get the metric bindings from the core at \(core) (\(error)), and none were kept from an earlier start.")
        }
    }

    private static func fetch(core: URL, token: String) async throws -> [String: UUID] {
        struct Page<Item: Decodable>: Decodable { let items: [Item] }
        struct Equipment: Decodable { let id: UUID; let code: String }
        struct Metric: Decodable { let id: UUID; let connector: String; let address: String }
        func get<T: Decodable>(_ path: String) async throws -> T {
            var request = URLRequest(url: core.appendingPathComponent(path))
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            let (data, response) = try await URLSession.shared.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                throw CommandFailure("GET \(path) answered \((response as? HTTPURLResponse)?.statusCode ?? 0)")
            }
            return try JSONDecoder().decode(T.self, from: data)
        }
        var bindings: [String: UUID] = [:]
        let equipment: Page<Equipment> = try await get("v1/equipment")
        for machine in equipment.items where machines.contains(machine.code) {
            let metrics: Page<Metric> = try await get("v1/equipment/\(machine.id)/metrics")
            for metric in metrics.items where metric.connector == "simulator" {
                bindings["\(machine.code)/\(metric.address)"] = metric.id
            }
        }
        guard !bindings.isEmpty else { throw CommandFailure("The core has no metrics bound to the simulator on \(machines.joined(separator: ", ")).") }
        return bindings
    }
}
