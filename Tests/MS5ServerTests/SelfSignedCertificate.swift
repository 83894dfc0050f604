import Foundation
import MS5ChildProcess

/// A throwaway P-256 certificate for `localhost` and its key, made with `openssl` in a folder of
/// its own, for tests of ms5's own TLS.
struct SelfSignedCertificate {
    /// The folder holding both files.
    let folder: URL
    /// The PEM file of the certificate.
    var certificatePath: String { folder.appendingPathComponent("cert.pem").path }
    /// The PEM file of the private key.
    var keyPath: String { folder.appendingPathComponent("key.pem").path }

    /// Makes a certificate valid for a day, for `localhost` and 127.0.0.1.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", folder.appendingPathComponent("key.pem").path, "-out", folder.appendingPathComponent("cert.pem").path,
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        guard openssl.waitForExit(), openssl.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Deletes the folder and both files.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
