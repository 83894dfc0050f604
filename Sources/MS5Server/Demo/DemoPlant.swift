import Foundation
import MS5Domain
import MS5Simulator
import MS5Storage

/// The plant `ms5 demo` starts with: a bakery with a bread line and a packing line, and an
/// `admin` account whose random password is shown once.
public enum DemoPlant {
    /// The name of the demo's administrator account.
    public static let adminUsername = "admin"

    /// Creates the demo plant when the database has no site yet, and the admin account when it
    /// does not exist; `say` receives the lines to show the person who started the demo.
    public static func prepare(database: Database, accounts: AccountService, say: @Sendable (String) -> Void) async throws {
        if try await SiteRepository(database: database).list(PageRequest(limit: 1)).items.isEmpty {
            try await createPlant(database: database, orderStart: Date())
            say("Created the demo plant: site BAK1 with the bread line BREAD1 (simulated machine data, three shifts, order DEMO-0001 running) and the packing line PACK1.")
        }
        guard try await UserRepository(database: database).credentials(username: adminUsername) == nil else {
            say("The demo account '\(adminUsername)' exists already; 'ms5 user reset-password \(adminUsername)' sets a new password.")
            return
        }
        let password = PasswordGenerator.generate()
        _ = try await accounts.create(
            UserInput(username: adminUsername, displayName: "Demo administrator", role: .admin, password: password),
            temporary: false)
        say("Created the demo account '\(adminUsername)'. Its password is shown only this once:")
        say("password: \(password)")
    }

    /// Creates the demo plant in an empty database — sites, lines, equipment, the bread line's
    /// simulated metrics and production setup — with its order running from `orderStart`, but no
    /// account: `ms5 bench oee` feeds it a simulated history that starts then.
    public static func createPlant(database: Database, orderStart: Date) async throws {
        try await createEquipment(database)
        try await DemoMachineData.create(database)
        try await DemoProduction.create(database, counterRollover: SimulatorConfiguration.standard.counterModulus, orderStart: orderStart)
    }

    private static func createEquipment(_ database: Database) async throws {
        let site = try await SiteRepository(database: database)
            .create(SiteInput(code: "BAK1", name: "Demo Bakery", timeZone: "Europe/Berlin"))
        let area = try await AreaRepository(database: database)
            .create(AreaInput(siteId: site.id, code: "PROD", name: "Production hall", description: "Baking, slicing and packing."))
        let lines = LineRepository(database: database)
        let bread = try await lines.create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line 1", description: "Sliced bread, bagged and loaded into baskets."))
        let packing = try await lines.create(LineInput(areaId: area.id, code: "PACK1", name: "Packing line 1", description: "Cases onto pallets."))
        let equipment = EquipmentRepository(database: database)
        let machines: [EquipmentInput] = [
            EquipmentInput(lineId: bread.id, code: "SLC1", name: "Slicer 1", type: "slicer", criticality: 4, owningTeam: "Bread line crew"),
            EquipmentInput(lineId: bread.id, code: "BAG1", name: "Bagger 1", type: "bagger", criticality: 5,
                           description: "CompactLogix-controlled bagger; the line's constraint.", owningTeam: "Bread line crew"),
            EquipmentInput(lineId: bread.id, code: "BSK1", name: "Basket Loader 1", type: "basket-loader", criticality: 3,
                           description: "SLC 500-controlled basket loader.", owningTeam: "Bread line crew"),
            EquipmentInput(lineId: packing.id, code: "CSE1", name: "Case Packer 1", type: "case-packer", criticality: 4, owningTeam: "Packing crew"),
            EquipmentInput(lineId: packing.id, code: "PAL1", name: "Palletizer 1", type: "palletizer", criticality: 3, owningTeam: "Packing crew"),
        ]
        for machine in machines {
            _ = try await equipment.create(machine)
        }
    }
}
