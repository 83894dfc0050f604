import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The few API calls of `ms5 bench ws`: the clients sign in and find the line they follow, the
/// server raises Andon calls on it, so that durable events flow through the outbox to every
/// client at a known rate whatever the simulated line does.
struct BenchWsAPI {
    let port: Int

    /// Signs in as the demo's admin; answers the access token.
    func signIn(password: String) async throws -> String {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/auth/login")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONEncoder().encode(["username": "admin", "password": password])
        let (data, _) = try await URLSession.shared.data(for: request)
        struct Login: Decodable { let token: String }
        return try JSONDecoder().decode(Login.self, from: data).token
    }

    /// The id of the demo's bread line, the one the simulator feeds.
    func breadLine(token: String) async throws -> String {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/lines?limit=100")!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, _) = try await URLSession.shared.data(for: request)
        struct Lines: Decodable {
            struct Line: Decodable { let id: UUID; let code: String }
            let items: [Line]
        }
        guard let line = try JSONDecoder().decode(Lines.self, from: data).items.first(where: { $0.code == "BREAD1" }) else {
            throw BenchWsError.clientsFailed("the demo plant has no line BREAD1")
        }
        return line.id.uuidString.lowercased()
    }

    /// Raises a low-priority help call on `line`; answers whether ms5 took it.
    func raiseCall(line: String, token: String, number: Int) async throws -> Bool {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/andon/calls")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.httpBody = try JSONEncoder().encode(["lineId": line, "category": "help", "priority": "low", "text": "Benchmark call \(number)"])
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode == 201
    }
}
