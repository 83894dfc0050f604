import Foundation
import MS5ChildProcess

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Python OpenID Provider of scripts/oidc/provider.py, run as a subprocess for one test.
public final class ProviderPeer: Sendable {
    /// Why the peer could not be used.
    public struct PeerError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The issuer URL, `http://127.0.0.1:PORT`.
    public let issuer: URL
    private let process: Process

    private init(issuer: URL, process: Process) {
        self.issuer = issuer
        self.process = process
    }

    /// The package directory, three levels above this file.
    public static let packageDirectory = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `body` with a fresh provider and kills it (SIGKILL) afterwards.
    public static func with<Result>(_ body: (ProviderPeer) async throws -> Result) async throws -> Result {
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
        process.killAndWait()
    }

    /// Mints a token through `POST /test/mint`; `keyID: .some(nil)` leaves `kid` out.
    public func mint(
        claims: [String: Any] = [:], alg: String = "RS256", keyID: String?? = .none, signWith: String = "current"
    ) async throws -> String {
        var request: [String: Any] = ["claims": claims, "alg": alg, "sign_with": signWith]
        if case .some(let keyID) = keyID { request["kid"] = keyID ?? NSNull() }
        guard let token = try await post("test/mint", request)["token"] as? String else {
            throw PeerError(description: "the provider minted no token")
        }
        return token
    }

    /// Rotates the RSA key through `POST /test/rotate`; returns the new kid.
    public func rotate() async throws -> String {
        guard let keyID = try await post("test/rotate", [:])["kid"] as? String else {
            throw PeerError(description: "the provider rotated to no key")
        }
        return keyID
    }

    private func post(_ path: String, _ json: [String: Any]) async throws -> [String: Any] {
        var request = URLRequest(url: issuer.appending(path: path))
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: json)
        let (body, _) = try await URLSession.shared.data(for: request)
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw PeerError(description: "the provider answered \(String(decoding: body, as: UTF8.self))")
        }
        return object
    }
}
