import Foundation
import MS5Identity
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Python OpenID Provider of scripts/oidc/provider.py, run as a subprocess for one test.
final class ProviderPeer: Sendable {
    /// Why the peer could not be used.
    struct PeerError: Error, CustomStringConvertible {
        let description: String
    }

    /// The issuer URL, `http://127.0.0.1:PORT`.
    let issuer: URL
    private let process: Process

    private init(issuer: URL, process: Process) {
        self.issuer = issuer
        self.process = process
    }

    /// The package directory, three levels above this file.
    static let packageDirectory = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `body` with a fresh provider and kills it (SIGKILL) afterwards.
    static func with<Result>(_ body: (ProviderPeer) async throws -> Result) async throws -> Result {
        let peer = try start()
        defer { peer.terminate() }
        return try await body(peer)
    }

    private static func start() throws -> ProviderPeer {
        let python = ProcessInfo.processInfo.environment["MS5_PEER_PYTHON"]
            ?? packageDirectory.appending(path: ".venv-peers/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw PeerError(description: """
                OIDC provider peer needs Python with 'cryptography' at \(python) (set MS5_PEER_PYTHON, or run \
                'python3 -m venv .venv && .venv/bin/pip install cryptography==50.0.2' in the package directory)
                """)
        }
        let process = Process()
        process.executableURL = URL(filePath: python)
        process.arguments = [packageDirectory.appending(path: "scripts/oidc/provider.py").path, "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        guard line.hasPrefix("listening on "), let port = Int(line.dropFirst("listening on ".count)) else {
            kill(process.processIdentifier, SIGKILL)
            throw PeerError(description: "OIDC provider peer did not start; it printed: \(text)")
        }
        return ProviderPeer(issuer: URL(string: "http://127.0.0.1:\(port)")!, process: process)
    }

    private func terminate() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Mints a token through `POST /test/mint`; `keyID: .some(nil)` leaves `kid` out.
    func mint(
        claims: [String: Any] = [:], alg: String = "RS256", keyID: String?? = .none, signWith: String = "current"
    ) async throws -> String {
        var request: [String: Any] = ["claims": claims, "alg": alg, "sign_with": signWith]
        if case .some(let keyID) = keyID { request["kid"] = keyID ?? NSNull() }
        let response = try await post("test/mint", request)
        return try #require(response["token"] as? String)
    }

    /// Rotates the RSA key through `POST /test/rotate`; returns the new kid.
    func rotate() async throws -> String {
        try #require(try await post("test/rotate", [:])["kid"] as? String)
    }

    private func post(_ path: String, _ json: [String: Any]) async throws -> [String: Any] {
        var request = URLRequest(url: issuer.appending(path: path))
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: json)
        let (body, _) = try await URLSession.shared.data(for: request)
        return try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    }
}
