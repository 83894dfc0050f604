import MS5Domain
import Foundation

extension BreadLineSimulator {
    /// Computes tick `tick`: schedule, stops, flows, states, truth and published samples.
    mutating func step(tick: Int, into samples: inout [SimulatedSample]) {
        let time = time(ofTick: tick)
        let planned = plannedStop(onTick: tick)
        if tick > 0 {
            expireStops(at: time)
            startRandomStops(at: time)
            changeSpeedIfDue()
        }
        startScriptedStops(onTick: tick, at: time)

        let bagger = LineMachine.bagger.rawValue
        machines[bagger].maxFlowPerTick = LineFlow.microPiecesPerTick(perMinute: baggerSetSpeed, tick: configuration.tick)
        let available = machines.map { planned == nil && $0.stop == nil }
        let flows = LineFlow.resolve(
            limits: (
                available[0] ? machines[0].maxFlowPerTick : 0,
                available[1] ? machines[1].maxFlowPerTick : 0,
                available[2] ? machines[2].maxFlowPerTick : 0),
            upstream: upstreamBuffer, upstreamCapacity: upstreamCapacity,
            downstream: downstreamBuffer, downstreamCapacity: downstreamCapacity)
        let flowList = [flows.slicer, flows.bagger, flows.loader]

        for machine in LineMachine.allCases {
            let index = machine.rawValue
            let (state, cause) = resolveState(
                machine, planned: planned, available: available[index], flows: flows)
            machines[index].state = state
            machines[index].cause = cause
            machines[index].flow = flowList[index]
            recorder.note(machine, state: state, cause: cause, at: time)
        }

        if tick > 0 {
            upstreamBuffer += flows.slicer - flows.bagger
            downstreamBuffer += flows.bagger - flows.loader
            let baggedBefore = machines[bagger].producedPieces
            for index in machines.indices {
                machines[index].producedMicroPieces += flowList[index]
            }
            let newPacks = machines[bagger].producedPieces - baggedBefore
            for _ in 0 ..< max(0, newPacks) {
                if rejectRng.nextBernoulli(configuration.rejectRate) { baggerRejects += 1 }
            }
        }

        updateTagValues(tick: tick, planned: planned)
        publisher.publish(tick: tick, time: time, into: &samples)
    }

    /// The planned stop (break or changeover) in force on `tick`, switching the product when a
    /// changeover window opens. Breaks win over changeovers.
    private mutating func plannedStop(onTick tick: Int) -> StopCause? {
        let absolute = start.timeIntervalSince1970 + Double(tick) * configuration.tick
            + Double(configuration.utcOffsetSeconds)
        var secondOfDay = absolute.truncatingRemainder(dividingBy: 86_400)
        if secondOfDay < 0 { secondOfDay += 86_400 }

        let changeoverNow = configuration.changeovers.contains { $0.contains(secondOfDay: secondOfDay) }
        if changeoverNow && !inChangeover && tick > 0 {
            changeoverFromProduct = currentProduct
            productIndex = (productIndex + 1) % configuration.products.count
            baggerSetSpeed = configuration.products[productIndex].packsPerMinute
        } else if changeoverNow && !inChangeover {
            changeoverFromProduct = currentProduct
        }
        inChangeover = changeoverNow

        if configuration.breaks.contains(where: { $0.contains(secondOfDay: secondOfDay) }) {
            return .plannedBreak
        }
        return changeoverNow ? .changeover(fromProduct: changeoverFromProduct, toProduct: currentProduct) : nil
    }

    /// The state and cause of one machine on this tick.
    private func resolveState(
        _ machine: LineMachine, planned: StopCause?, available: Bool,
        flows: (slicer: Int, bagger: Int, loader: Int)
    ) -> (SimulatedMachineState, StopCause?) {
        if let planned { return (.stopped, planned) }
        if let stop = machines[machine.rawValue].stop {
            return (stop.isFault ? .faulted : .stopped, stop.cause)
        }
        switch machine {
        case .slicer:
            return (flows.slicer > 0 ? .running : .blocked, nil)
        case .basketLoader:
            return (flows.loader > 0 ? .running : .starved, nil)
        case .bagger:
            if flows.bagger > 0 { return (.running, nil) }
            let noInput = upstreamBuffer + flows.slicer == 0
            return (noInput ? .starved : .blocked, nil)
        }
    }
}
