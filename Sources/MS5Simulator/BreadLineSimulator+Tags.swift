import MS5Domain
import Foundation

extension BreadLineSimulator {
    /// Oil pressure levels of the simulated slicer, in bar.
    private enum OilPressure {
        static let running = 4.5
        static let idle = 3.8
        static let lowFault = 1.2
        static let noiseSpan = 0.3
    }

    /// Writes this tick's value of every published tag into the publisher.
    mutating func updateTagValues(tick: Int, planned: StopCause?) {
        let slicer = machines[LineMachine.slicer.rawValue]
        let bagger = machines[LineMachine.bagger.rawValue]
        let loader = machines[LineMachine.basketLoader.rawValue]
        let step = configuration.tick

        publisher.set(.slicerState, Double(slicer.state.rawValue))
        publisher.set(.slicerSpeed, slicer.state == .running ? LineFlow.perMinute(microPiecesPerTick: slicer.flow, tick: step) : 0)
        publisher.set(.slicerCount, counter(0, slicer.producedPieces))
        if tick % processEvery == 0 {
            let lowOil = slicer.stop?.lowersOilPressure ?? false
            let base = lowOil ? OilPressure.lowFault : (slicer.state == .running ? OilPressure.running : OilPressure.idle)
            let noise = (noiseRng.nextUnit() - 0.5) * OilPressure.noiseSpan
            oilPressure = ((base + noise) * 10).rounded() / 10
        }
        publisher.set(.slicerOilPressure, oilPressure)

        publisher.set(.baggerSpeed, bagger.state == .running ? LineFlow.perMinute(microPiecesPerTick: bagger.flow, tick: step) : 0)
        publisher.set(.baggerProduct, Double(currentProduct))
        publisher.set(.baggerTotalCount, counter(1, bagger.producedPieces))
        publisher.set(.baggerGoodCount, counter(2, bagger.producedPieces - baggerRejects))
        publisher.set(.baggerRejectCount, counter(3, baggerRejects))
        let words = FaultWords.words(fromMask: faultMask(planned: planned))
        publisher.set(.baggerFaultWord0, Double(words.word0))
        publisher.set(.baggerFaultWord1, Double(words.word1))

        publisher.set(.basketCount, counter(4, loader.producedPieces))
        let inAuto: Bool
        switch loader.state {
        case .running, .starved, .blocked: inAuto = true
        case .stopped: inAuto = loader.cause == .microStop
        case .faulted: inAuto = false
        }
        publisher.set(.basketAutoCycle, inAuto ? 1 : 0)
        publisher.set(.basketManualMode, loader.stop?.isFault == true && planned == nil ? 1 : 0)
    }

    /// The wrapped value of counter `index` after `count` pieces.
    private func counter(_ index: Int, _ count: Int) -> Double {
        Double((counterOffsets[index] + count) % configuration.counterModulus)
    }

    /// Bagger 1's 64 `Fault` bits on this tick: active faults of all machines, the active warning
    /// and the configured status bits.
    private func faultMask(planned: StopCause?) -> UInt64 {
        var mask: UInt64 = 0
        func set(_ bit: Int?) {
            if let bit, (0 ..< FaultWords.bitCount).contains(bit) { mask |= 1 << UInt64(bit) }
        }
        for machine in machines {
            set(machine.stop?.bit)
        }
        set(warning?.bit)
        let bagger = machines[LineMachine.bagger.rawValue]
        let baggerFaulted = bagger.stop?.isFault ?? false
        let status = configuration.statusBits
        if bagger.state == .running { set(status.machineRunning) }
        if !baggerFaulted && planned == nil { set(status.okToStartSlicer) }
        if bagger.state == .stopped && !baggerFaulted { set(status.okToPressStart) }
        return mask
    }
}
