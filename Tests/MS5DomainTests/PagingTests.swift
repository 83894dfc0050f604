import Foundation
import MS5Domain
import Testing

@Suite("Paging")
struct PagingTests {
    @Test("A cursor survives its URL-safe text form")
    func cursorRoundTrip() throws {
        let cursor = PageCursor(key: "Bagger 1/ü", id: UUID())
        #expect(!cursor.encoded.contains("+") && !cursor.encoded.contains("/") && !cursor.encoded.contains("="))
        #expect(PageCursor(encoded: cursor.encoded) == cursor)
    }

    @Test("Text that is not a cursor is refused", arguments: ["", "abc", "!!!", "bm8gbmV3bGluZQ"])
    func garbageCursor(text: String) {
        #expect(PageCursor(encoded: text) == nil)
    }

    @Test("Limits from 1 to 500, default 50")
    func limits() throws {
        #expect(try PageRequest.validated(limit: nil, cursor: nil).limit == 50)
        #expect(try PageRequest.validated(limit: "500", cursor: nil).limit == 500)
        for bad in ["0", "501", "ten", "-1"] {
            let error = #expect(throws: DomainError.self) { try PageRequest.validated(limit: bad, cursor: nil) }
            #expect(error?.violations.first?.field == "/limit")
        }
        let error = #expect(throws: DomainError.self) { try PageRequest.validated(limit: nil, cursor: "garbage") }
        #expect(error?.violations.first?.field == "/cursor")
    }
}
