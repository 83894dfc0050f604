import Foundation
import MS5Domain
import Testing

@Suite("UUID as hex text")
struct UUIDHexTests {
    @Test("Written as Foundation writes it, lowercased; read back in either case")
    func roundTrip() {
        for _ in 0..<100 {
            let uuid = UUID()
            #expect(uuid.lowercasedString == uuid.uuidString.lowercased())
            #expect(uuid.lowercasedUTF8 == Array(uuid.uuidString.lowercased().utf8))
            #expect(UUID(hexText: uuid.uuidString) == uuid)
            #expect(UUID(hexText: uuid.lowercasedString) == uuid)
        }
    }

    @Test("Anything but 8-4-4-4-12 hex digits is refused", arguments: [
        "", "123e4567-e89b-12d3-a456-42661417400", "123e4567-e89b-12d3-a456-4266141740000", "123e4567ae89b-12d3-a456-426614174000",
        "123e4567-e89b-12d3-a456-42661417400g", "{23e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456-42661417400é",
    ])
    func refused(_ text: String) {
        #expect(UUID(hexText: text) == nil)
    }
}
