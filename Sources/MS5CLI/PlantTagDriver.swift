import Foundation
import MS5EtherNetIP
import MS5EtherNetIPSimulator
import MS5Simulator

/// Drives the simulated controllers' tags from the simulated bread line, so that `ms5 simulate
/// plc --plant` behaves like Bagger 1's CompactLogix and Basket Loader 1's SLC 500 on a running
/// line: each second the line is advanced to the present and every value it publishes for BAG1
/// is written to the Logix tag of the same name (its fault words `Fault.Word0`/`Word1` to the
/// bits of the export's `Fault` BOOL[64]), and every value for BSK1 to its SLC address. Values
/// whose tag the exports do not have are left out.
struct PlantTagDriver {
    let tags: SimulatedTagTable
    let files: SimulatedDataFiles
    let seed: UInt64

    /// Runs until the task is cancelled; answers how many tags it could drive after the first second.
    func run(onFirstRound report: @Sendable (Int) -> Void) async throws {
        var simulator = BreadLineSimulator(seed: seed, start: Date())
        var driven = Set<String>()
        var reported = false
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(1))
            for sample in simulator.advance(to: Date()) where write(sample) {
                driven.insert(sample.equipment + "/" + sample.metric)
            }
            simulator.discardTruth(before: Date().addingTimeInterval(-60))
            if !reported {
                report(driven.count)
                reported = true
            }
        }
    }

    /// Writes one published value; false when no served tag takes it.
    private func write(_ sample: SimulatedSample) -> Bool {
        switch sample.equipment {
        case "BAG1":
            if sample.metric.hasPrefix("Fault.Word"), let word = Int(sample.metric.dropFirst("Fault.Word".count)) {
                let bits = UInt32(truncatingIfNeeded: Int64(sample.value))
                for bit in 0..<32 {
                    guard (try? tags.setValue("Fault[\(word * 32 + bit)]", .bool(bits & (1 << UInt32(bit)) != 0))) != nil else { return false }
                }
                return true
            }
            guard let current = try? tags.value(sample.metric), let value = Self.value(sample.value, like: current) else { return false }
            return (try? tags.setValue(sample.metric, value)) != nil
        case "BSK1":
            guard let current = try? files.value(sample.metric), let value = Self.value(sample.value, like: current) else { return false }
            return (try? files.setValue(sample.metric, value)) != nil
        default:
            return false
        }
    }

    /// `number` in the type of `current`.
    static func value(_ number: Double, like current: CIPValue) -> CIPValue? {
        switch current {
        case .bool: .bool(number != 0)
        case .sint: Int8(exactly: number.rounded()).map(CIPValue.sint)
        case .int: Int16(exactly: number.rounded()).map(CIPValue.int)
        case .dint: Int32(exactly: number.rounded()).map(CIPValue.dint)
        case .lint: Int64(exactly: number.rounded()).map(CIPValue.lint)
        case .real: .real(Float(number))
        case .lreal: .lreal(number)
        default: nil
        }
    }
}
