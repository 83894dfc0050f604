import Foundation
import MS5Domain
import Testing

@Suite("Input validation")
struct ValidationTests {
    @Test("A site needs a code, a name and an IANA time zone")
    func siteFields() {
        let error = #expect(throws: DomainError.self) {
            try SiteInput(code: "bad code!", name: "  ", timeZone: "Mars/Olympus").validate()
        }
        #expect(error?.code == .invalid)
        #expect(error?.violations.map(\.field) == ["/code", "/name", "/timeZone"])
        #expect(throws: Never.self) { try SiteInput(code: "BAK1", name: "Bakery", timeZone: "Europe/Berlin").validate() }
    }

    @Test("Codes are 1 to 32 letters, digits, '-', '_' or '.', starting with a letter or digit")
    func codes() {
        let line = UUID()
        for good in ["A", "SLC1", "line-2.b_c", String(repeating: "x", count: 32)] {
            #expect(throws: Never.self) { try EquipmentInput(lineId: line, code: good, name: "n", type: "t", criticality: 1).validate() }
        }
        for bad in ["", "-lead", "has space", "ümlaut", String(repeating: "x", count: 33)] {
            #expect(throws: DomainError.self) { try EquipmentInput(lineId: line, code: bad, name: "n", type: "t", criticality: 1).validate() }
        }
    }

    @Test("Criticality runs from 1 to 5", arguments: [0, 1, 5, 6])
    func criticality(value: Int) {
        let input = EquipmentInput(lineId: UUID(), code: "E1", name: "Slicer", type: "slicer", criticality: value)
        if (1...5).contains(value) {
            #expect(throws: Never.self) { try input.validate() }
        } else {
            let error = #expect(throws: DomainError.self) { try input.validate() }
            #expect(error?.violations == [FieldViolation(field: "/criticality", reason: "must be from 1 (low) to 5 (critical)")])
        }
    }

    @Test("Names and descriptions have upper limits")
    func lengths() {
        let error = #expect(throws: DomainError.self) {
            try AreaInput(siteId: UUID(), code: "A", name: String(repeating: "n", count: 101),
                          description: String(repeating: "d", count: 2001)).validate()
        }
        #expect(error?.violations.map(\.field) == ["/name", "/description"])
    }

    @Test("Passwords: at least 12 characters and not the username")
    func passwords() {
        #expect(PasswordPolicy.standard.problems("short", username: "anna") == ["must be at least 12 characters"])
        #expect(PasswordPolicy.standard.problems("xxANNA-2026-xx", username: "anna") == ["must not contain the username"])
        #expect(PasswordPolicy.standard.problems("correct horse battery", username: "anna").isEmpty)
    }
}
