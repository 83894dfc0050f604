import Foundation
import Testing

@Suite("ms5 demo, end to end")
struct DemoCommandTests {
    @Test("The demo serves its plant, signs in with the printed password, and stops cleanly on SIGTERM")
    func demo() async throws {
        let folder = try MS5Process.temporaryFolder()
        let demo = try MS5Process(["demo", "--port", "0"], in: folder)
        let line = try await demo.waitForLine(startingWith: "password: ")
        let password = String(line.dropFirst("password: ".count))
        #expect(password.count == 20)
        let base = try await demo.demoAddress()
        #expect(base.hasPrefix("http://127.0.0.1:") && !base.hasSuffix(":0"))

        #expect(try await MS5Process.http("GET", "\(base)/ready").status == 200)
        let login = try await MS5Process.http("POST", "\(base)/v1/auth/login", json: #"{"username":"admin","password":"\#(password)"}"#)
        #expect(login.status == 200)
        let token = try #require(
            (try JSONSerialization.jsonObject(with: Data(login.body.utf8)) as? [String: Any])?["token"] as? String)
        let lines = try await MS5Process.http("GET", "\(base)/v1/lines", token: token)
        #expect(lines.body.contains("BREAD1") && lines.body.contains("PACK1"))
        let equipment = try await MS5Process.http("GET", "\(base)/v1/equipment?limit=500", token: token)
        for code in ["SLC1", "BAG1", "BSK1", "CSE1", "PAL1"] { #expect(equipment.body.contains("\"\(code)\"")) }
        // The bread line is set up for production: its performance is there at once, at Bagger 1.
        let lineList = try #require(try JSONSerialization.jsonObject(with: Data(lines.body.utf8)) as? [String: Any])
        let bread = try #require((lineList["items"] as? [[String: Any]])?.first { $0["code"] as? String == "BREAD1" }?["id"] as? String)
        let performance = try await MS5Process.http("GET", "\(base)/v1/lines/\(bread)/performance", token: token)
        #expect(performance.status == 200, "\(performance.body)")
        #expect(performance.body.contains("\"kpis\"") && performance.body.contains("\"pareto\""))

        #expect(try await demo.terminate() == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ms5-data/demo.sqlite").path))

        // A second start keeps the plant and the password: it is printed only once.
        let again = try MS5Process(["demo", "--port", "0"], in: folder)
        let againBase = try await again.demoAddress()
        #expect(!again.stdout.contains("password:"))
        #expect(again.stdout.contains("exists already"))
        let relogin = try await MS5Process.http("POST", "\(againBase)/v1/auth/login", json: #"{"username":"admin","password":"\#(password)"}"#)
        #expect(relogin.status == 200)
        #expect(try await again.terminate() == 0)
    }
}
