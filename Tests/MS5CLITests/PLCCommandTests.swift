import Foundation
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
        defer {
            kill(cpppo.processIdentifier, SIGKILL)  // cpppo handles SIGTERM and keeps running
            cpppo.waitUntilExit()
        }
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
