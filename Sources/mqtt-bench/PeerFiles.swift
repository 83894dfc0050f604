import Foundation

/// A scratch folder with the ready and result files a paho subscriber writes.
struct PeerFiles {
    let folder: URL
    var ready: URL { folder.appendingPathComponent("ready") }
    var result: URL { folder.appendingPathComponent("result") }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ms5-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
