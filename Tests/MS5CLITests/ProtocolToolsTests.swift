import Foundation
import MS5TestSupport
import Testing

/// `ms5 modbus` and `ms5 opcua` against real peers, as an engineer on site uses them.
@Suite("ms5 modbus and ms5 opcua")
struct ProtocolToolsTests {
    @Test("modbus read prints each address's value and names the one that failed; write then read back")
    func modbus() async throws {
        let peer = try await PeerScript("modbus/peer_server.py", arguments: ["{port}"])
        defer { peer.stop() }
        let folder = try MS5Process.temporaryFolder()
        let device = "127.0.0.1:\(peer.port)"
        let read = try await MS5Process.run(["modbus", "read", device, "40031:float32", "hr:10:int32", "co:3", "hr:500"], in: folder)
        #expect(read.status == 1)
        let lines = read.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("40031:float32\t123.45"))
        #expect(lines[1] == "hr:10:int32\t-123456789")
        #expect(lines[2] == "co:3\ttrue" || lines[2] == "co:3\t1")
        #expect(lines[3].hasPrefix("hr:500\terror:") && lines[3].lowercased().contains("illegal data address"))
        let write = try await MS5Process.run(["modbus", "write", device, "hr:100:float32", "21.5"], in: folder)
        #expect(write.status == 0, "\(write.stderr)")
        let back = try await MS5Process.run(["modbus", "read", device, "hr:100:float32"], in: folder)
        #expect(back.status == 0 && back.stdout == "hr:100:float32\t21.5\n")
        let bad = try await MS5Process.run(["modbus", "read", device, "holding:1"], in: folder)
        #expect(bad.status != 0 && bad.stderr.contains("holding:1"))
    }

    @Test("opcua browse lists Line1 under Objects; opcua read prints value, type and status")
    func opcua() async throws {
        let peer = try await PeerScript("opcua/peer_server.py", arguments: ["{port}"])
        defer { peer.stop() }
        let folder = try MS5Process.temporaryFolder()
        let url = "opc.tcp://127.0.0.1:\(peer.port)/ms5/"
        let browse = try await MS5Process.run(["opcua", "browse", url], in: folder)
        #expect(browse.status == 0, "\(browse.stderr)")
        #expect(browse.stdout.split(separator: "\n").contains { $0.contains("Line1\tns=2;s=Line1\t") })
        let children = try await MS5Process.run(["opcua", "browse", url, "ns=2;s=Line1"], in: folder)
        #expect(children.stdout.contains("ns=2;s=Line1.Counter"))
        let read = try await MS5Process.run(["opcua", "read", url, "ns=2;s=Line1.Counter", "ns=2;s=Nope"], in: folder)
        let lines = read.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("ns=2;s=Line1.Counter\t") && lines[0].contains("Int64") && lines[0].contains("Good"))
        #expect(lines[1].hasPrefix("ns=2;s=Nope\t") && lines[1].contains("BadNodeIdUnknown"))
    }
}
