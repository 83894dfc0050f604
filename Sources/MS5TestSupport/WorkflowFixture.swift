import Foundation
import MS5Domain
import MS5Storage

/// A plant for workflow tests, in Europe/Berlin (CET = UTC+1; CEST = UTC+2 from Sunday 2026-03-29
/// 02:00 CET, when the clocks skip to 03:00): line BREAD1 works 3×8 Monday to Friday from 06:00
/// (Early 06–14, Late 14–22, Night 22–06), line ROLL1 works 3×8 every day, line PACK1 has no
/// shifts set; a second site, BAK2, has line OVEN1. Accounts: anna and ben (maintenance, teams
/// MAINT-A and MAINT-B), sam (supervisor), olga (operator).
public struct WorkflowFixture: Sendable {
    /// The definition the fixture's instances run: `dds.action` version 1.
    public static let definition = WorkflowDefinition(name: "dds.action", version: 1)
    /// Monday 2026-03-02 09:00 CET = 08:00Z, in BREAD1's Early shift.
    public static let monday = at("2026-03-02T09:00:00+01:00")

    /// BAK1, with BREAD1, ROLL1 and PACK1.
    public let site: Site
    /// BAK2, with OVEN1.
    public let otherSite: Site
    /// 3×8 Monday to Friday from 06:00.
    public let bread: Line
    /// 3×8 every day from 06:00.
    public let rolls: Line
    /// No shifts set.
    public let packing: Line
    /// The line of BAK2 (no shifts set).
    public let oven: Line
    /// The accounts by username.
    public let users: [String: User]

    /// The instant an ISO 8601 text names.
    public static func at(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    /// Creates the plant and accounts on `database`.
    public static func make(_ database: Database) async throws -> WorkflowFixture {
        let site = try await SiteRepository(database: database).create(SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin"))
        let otherSite = try await SiteRepository(database: database).create(SiteInput(code: "BAK2", name: "Bakery South", timeZone: "Europe/Berlin"))
        let area = try await AreaRepository(database: database).create(AreaInput(siteId: site.id, code: "PROD", name: "Production"))
        let otherArea = try await AreaRepository(database: database).create(AreaInput(siteId: otherSite.id, code: "PROD", name: "Production"))
        let lines = LineRepository(database: database)
        let bread = try await lines.create(LineInput(areaId: area.id, code: "BREAD1", name: "Bread line"))
        let rolls = try await lines.create(LineInput(areaId: area.id, code: "ROLL1", name: "Roll line"))
        let packing = try await lines.create(LineInput(areaId: area.id, code: "PACK1", name: "Packing"))
        let oven = try await lines.create(LineInput(areaId: otherArea.id, code: "OVEN1", name: "Oven line"))
        let settings = LineSettingsStore(database: database)
        try await settings.setSettings(Self.settings(.threeShifts()), lineId: bread.id)
        try await settings.setSettings(Self.settings(.threeShifts(days: Weekday.everyDay)), lineId: rolls.id)
        var users: [String: User] = [:]
        for (username, role) in [("anna", Role.maintenance), ("ben", .maintenance), ("sam", .supervisor), ("olga", .operator)] {
            users[username] = try await UserRepository(database: database).create(
                UserInput(username: username, displayName: username.capitalized, role: role, password: "a long enough password 1"),
                passwordHash: "unused", mustChangePassword: false)
        }
        let teams = TeamStore(database: database)
        _ = try await teams.create(TeamInput(code: "MAINT-A", name: "Maintenance A", members: ["anna"]))
        _ = try await teams.create(TeamInput(code: "MAINT-B", name: "Maintenance B", members: ["ben"]))
        return WorkflowFixture(site: site, otherSite: otherSite, bread: bread, rolls: rolls, packing: packing, oven: oven, users: users)
    }

    /// The account `username` as tasks see it.
    public func actor(_ username: String, _ database: Database) async throws -> TaskActor {
        try await HumanTaskStore(database: database).actor(for: users[username]!)
    }

    /// Starts an instance of ``definition`` and opens a task of it from `input`, at `store`'s time.
    public func open(_ input: HumanTaskInput, _ store: WorkflowStore) async throws -> HumanTask {
        try await store.transaction { transaction in
            let instance = try await transaction.start(
                Self.definition, firstStep: "await-action", subject: WorkflowSubject(recordType: "dds.action", recordId: UUID().uuidString))
            return try await transaction.openTask(input, for: instance.id)
        }
    }

    private static func settings(_ pattern: ShiftPattern) -> LineProductionSettings {
        LineProductionSettings(
            shiftPattern: pattern,
            reasonTree: StopReasonTree(categories: [
                StopReasonCategory(code: "MECH", name: "Mechanical", planning: .unplanned, loss: .breakdown, reasons: [StopReason(code: "JAM", name: "Jam")]),
            ]))
    }
}
