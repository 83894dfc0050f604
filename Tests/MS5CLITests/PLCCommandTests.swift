import Foundation
import MS5ChildProcess
import Testing

@Suite("ms5 plc and ms5 simulate plc")
struct PLCCommandTests {
    @Test("An engineer identifies, reads and writes the simulated Bagger 1 and Basket Loader 1 served from their real exports")
    func plcTools() async throws {
        let folder = try MS5Process.temporaryFolder()
        let port = try MS5Process.freePort()
        let simulator = try MS5Process([
            "simulate", "plc", "--tags", ImportCommandTests.data.appendingPathComponent("bagger1-logix5000-tags.csv").path,
            "--slc", ImportCommandTests.data.appendingPathComponent("basketloader1-slc500-tags.csv").path,
            "--listen", "127.0.0.1:\(port)",
        ], in: folder)
        let serving = try await simulator.waitForLine(startingWith: "Serving")
        #expect(serving.hasPrefix("Serving 101 tags and 22 data files"))
        let host = "127.0.0.1:\(port)"

        let identity = try await MS5Process.run(["plc", "identify", host], in: folder)
        #expect(identity.status == 0 && identity.stdout.contains("1769-L33ER"), "\(identity.stderr)")
        let write = try await MS5Process.run(["plc", "write", host, "MC_Avg_Speed=58.5"], in: folder)
        #expect(write.stdout == "MC_Avg_Speed <- 58.5\n", "\(write.stderr)")
        let read = try await MS5Process.run(["plc", "read", host, "MC_Avg_Speed", "No_Such_Tag"], in: folder)
        // The good tag is read although the other is not; the failure shows in the exit status.
        #expect(read.stdout.contains("MC_Avg_Speed = 58.5") && read.stdout.contains("No_Such_Tag: CIP error: tag not found"))
        #expect(read.status != 0 && read.stderr.contains("1 of 2 tag(s) failed"))
        let slcWrite = try await MS5Process.run(["plc", "write", "--slc", host, "N7:0=42"], in: folder)
        #expect(slcWrite.status == 0, "\(slcWrite.stderr)")
        let slcRead = try await MS5Process.run(["plc", "read", "--slc", host, "N7:0"], in: folder)
        #expect(slcRead.stdout == "N7:0 = 42\n")
        let list = try await MS5Process.run(["plc", "list", host], in: folder)
        #expect(list.stdout.split(separator: "\n").count == 101 && list.stdout.contains("MC_Avg_Speed\tREAL"))
        let badHost = try await MS5Process.run(["plc", "read", "nohost:notaport", "X"], in: folder)
        #expect(badHost.status != 0 && badHost.stderr.contains("is not HOST or HOST:PORT"))
        _ = try await simulator.terminate()
    }
}

extension PLCCommandTests {
    @Test("With --plant the simulated line drives the tags: Bagger 1's product code and pack counter come from the line")
    func plantDrivesTags() async throws {
        let folder = try MS5Process.temporaryFolder()
        let port = try MS5Process.freePort()
        let simulator = try MS5Process([
            "simulate", "plc", "--tags", ImportCommandTests.data.appendingPathComponent("bagger1-logix5000-tags.csv").path,
            "--slc", ImportCommandTests.data.appendingPathComponent("basketloader1-slc500-tags.csv").path,
            "--listen", "127.0.0.1:\(port)", "--plant",
        ], in: folder)
        _ = try await simulator.waitForLine(startingWith: "Driving tags from the simulated bread line")
        let read = try await MS5Process.run(["plc", "read", "127.0.0.1:\(port)", "Current_Product", "Count_Blade_PEC.ACC"], in: folder)
        let values = Dictionary(uniqueKeysWithValues: read.stdout.split(separator: "\n").compactMap { line -> (String, Double)? in
            let parts = line.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Double(parts[1]) else { return nil }
            return (parts[0], value)
        })
        // The export holds 0 in both; the line writes one of its product codes (which one depends on
        // the changeovers of the time of day) and its pack counter, which starts at a seeded offset.
        #expect([101, 102, 205].contains(values["Current_Product"] ?? 0), "\(read.stdout) \(read.stderr)")
        #expect((values["Count_Blade_PEC.ACC"] ?? 0) > 0, "\(read.stdout)")
        _ = try await simulator.terminate()
    }
}

extension PLCCommandTests {
    @Test("A controller without a tag list (cpppo) gets a clear message, and its tags are still read by name")
    func noTagList() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let python = root.appendingPathComponent(".venv-peers/bin/python").path
        try #require(FileManager.default.isExecutableFile(atPath: python), "run scripts/test.sh to create .venv-peers")
        let port = try MS5Process.freePort()
        let cpppo = Process()
        cpppo.executableURL = URL(fileURLWithPath: python)
        cpppo.arguments = ["-m", "cpppo.server.enip", "-a", "127.0.0.1:\(port)", "--no-config", "Counter=DINT"]
        cpppo.standardOutput = FileHandle.nullDevice
        cpppo.standardError = FileHandle.nullDevice
        try cpppo.run()
        defer { cpppo.killAndWait() }  // cpppo handles SIGTERM and keeps running
        let folder = try MS5Process.temporaryFolder()
        var read = try await MS5Process.run(["plc", "read", "127.0.0.1:\(port)", "Counter"], in: folder)
        for _ in 0..<50 where read.status != 0 {  // cpppo takes a moment to listen
            try await Task.sleep(for: .milliseconds(100))
            read = try await MS5Process.run(["plc", "read", "127.0.0.1:\(port)", "Counter"], in: folder)
        }
        #expect(read.stdout == "Counter = 0\n", "\(read.stderr)")
        let list = try await MS5Process.run(["plc", "list", "127.0.0.1:\(port)"], in: folder)
        #expect(list.status != 0 && list.stderr.contains("does not give its tag list"), "\(list.stderr)")
    }
}

extension PLCCommandTests {
    @Test("The demo over the real wire: Bagger 1's export imported, its controller simulated with --plant and polled into the core")
    func demoOverTheWire() async throws {
        let folder = try MS5Process.temporaryFolder()
        let bagger = ImportCommandTests.data.appendingPathComponent("bagger1-logix5000-tags.csv").path
        let plcPort = try MS5Process.freePort()
        let plc = try MS5Process(["simulate", "plc", "--tags", bagger, "--plant", "--listen", "127.0.0.1:\(plcPort)"], in: folder)
        _ = try await plc.waitForLine(startingWith: "Driving tags")

        // The demo plant is made on first start; the export is then bound to Bagger 1 and the
        // demo runs again without its internal simulator, so every value comes over the wire.
        let core = ["demo", "--port", "0", "--database", "sqlite:core.sqlite", "--log-level", "warning"]
        var server = try MS5Process(core, in: folder, environment: ["MS5_SIMULATOR_ENABLED": "false"])
        let password = String(try await server.waitForLine(startingWith: "password: ").dropFirst("password: ".count))
        _ = try await server.demoAddress()
        #expect(try await server.terminate() == 0)
        let imported = try await MS5Process.run(["import", "tags", bagger, "--equipment", "BAG1", "--database", "sqlite:core.sqlite"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        server = try MS5Process(core, in: folder, environment: ["MS5_SIMULATOR_ENABLED": "false"])
        let base = try await server.demoAddress()

        let login = try await MS5Process.http("POST", "\(base)/v1/auth/login", json: #"{"username":"admin","password":"\#(password)"}"#)
        let token = try #require((try JSONSerialization.jsonObject(with: Data(login.body.utf8)) as? [String: Any])?["token"] as? String)
        let equipment = try await MS5Process.http("GET", "\(base)/v1/equipment?limit=500", token: token)
        let items = try #require((try JSONSerialization.jsonObject(with: Data(equipment.body.utf8)) as? [String: Any])?["items"] as? [[String: Any]])
        let baggerId = try #require(items.first { $0["code"] as? String == "BAG1" }?["id"] as? String)
        let connection = try await MS5Process.http(
            "PUT", "\(base)/v1/equipment/\(baggerId)/plc-connection", token: token,
            json: #"{"host": "127.0.0.1", "port": \#(plcPort), "slot": 0, "protocol": "logix", "enabled": true}"#)
        #expect(connection.status == 200, "\(connection.body)")

        var product: Double?
        for _ in 0..<100 where product == nil {
            try await Task.sleep(for: .milliseconds(200))
            let latest = try await MS5Process.http("GET", "\(base)/v1/equipment/\(baggerId)/latest", token: token)
            let values = (try? JSONSerialization.jsonObject(with: Data(latest.body.utf8)) as? [String: Any])?["items"] as? [[String: Any]] ?? []
            product = values.first { $0["key"] as? String == "Current_Product" }?["value"] as? Double
        }
        // The product code the simulated line writes into Bagger 1's CompactLogix, read over EtherNet/IP.
        #expect([101, 102, 205].contains(product ?? 0), "no Current_Product from the PLC")
        let status = try await MS5Process.http("GET", "\(base)/v1/plc-connections/status", token: token)
        #expect(status.body.contains("\"connected\":true") && status.body.contains("\"equipmentCode\":\"BAG1\""), "\(status.body)")
        #expect(try await server.terminate() == 0)
        _ = try await plc.terminate()
    }
}
