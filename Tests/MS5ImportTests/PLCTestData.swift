import Foundation
import Testing

/// Locates and reads the real plant files in `/work/shared/data/plc`.
///
/// The directory is `$MS5_PLC_DATA` when that environment variable is set and non-empty;
/// otherwise `<package root>/../shared/data/plc`, where the package root is the nearest
/// ancestor of this source file that contains `Package.swift`.
enum PLCTestData {
    static let logixTags = "bagger1-logix5000-tags.csv"
    static let slcSymbols = "basketloader1-slc500-tags.csv"
    static let faultCatalog = "bagger1-fault-messages.csv"

    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["MS5_PLC_DATA"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        var candidate = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while candidate.path != "/" {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Package.swift").path) {
                break
            }
            candidate.deleteLastPathComponent()
        }
        return candidate
            .appendingPathComponent("../shared/data/plc", isDirectory: true)
            .standardizedFileURL
    }

    /// The file's text; records a test failure (via `#require`) when it cannot be read.
    static func text(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let url = directory.appendingPathComponent(name)
        let data = try #require(
            FileManager.default.contents(atPath: url.path),
            "cannot read \(url.path); set MS5_PLC_DATA to the plc data folder",
            sourceLocation: sourceLocation
        )
        return try #require(String(data: data, encoding: .utf8), "\(name) is not UTF-8",
                            sourceLocation: sourceLocation)
    }
}
