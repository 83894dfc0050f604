import Foundation
import MS5ChildProcess
import MS5TestSupport

/// A self-signed certificate for CN=localhost, IP 127.0.0.1, made with openssl for one test.
struct TestCertificate {
    let certificate: URL
    let key: URL

    init(in directory: URL) throws {
        certificate = directory.appendingPathComponent("cert.pem")
        key = directory.appendingPathComponent("key.pem")
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", key.path, "-out", certificate.path,
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        guard openssl.waitForExit(), openssl.terminationStatus == 0 else { throw SinkError("openssl req failed") }
    }

    /// The sink options that serve this certificate.
    var sinkOptions: [String] { ["--cert", certificate.path, "--key", key.path] }
}
