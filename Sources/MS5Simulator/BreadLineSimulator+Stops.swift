import MS5Domain
import Foundation

extension BreadLineSimulator {
    /// Draws the first countdowns of every random process.
    mutating func scheduleInitialCountdowns() {
        for machine in LineMachine.allCases {
            let index = machine.rawValue
            machines[index].microStopCountdown = configuration.microStops(for: machine)
                .map { Self.waitTicks(configuration.tick, mean: $0.meanRunTimeBetween, using: &machines[index].rng) }
            machines[index].faultCountdown = configuration.faults(for: machine)
                .map { Self.waitTicks(configuration.tick, mean: $0.meanRunTimeBetween, using: &machines[index].rng) }
        }
        warningCountdown = configuration.baggerWarnings
            .map { Self.waitTicks(configuration.tick, mean: $0.meanRunTimeBetween, using: &warningRng) }
        speedChangeCountdown = configuration.speedChanges
            .map { Self.waitTicks(configuration.tick, mean: $0.meanInterval, using: &speedRng) }
    }

    /// Counts down every active stop and the active warning; ends those that are over.
    mutating func expireStops(at time: Date) {
        for index in machines.indices {
            guard var stop = machines[index].stop else { continue }
            stop.remainingTicks -= 1
            if stop.remainingTicks <= 0 {
                finish(stop, at: time)
                machines[index].stop = nil
            } else {
                machines[index].stop = stop
            }
        }
        if var active = warning {
            active.remainingTicks -= 1
            if active.remainingTicks <= 0 {
                finish(active, at: time)
                warning = nil
            } else {
                warning = active
            }
        }
    }

    /// Advances the running-time countdowns of machines that ran on the previous tick and starts
    /// the micro-stops, faults and warnings that fall due.
    mutating func startRandomStops(at time: Date) {
        for machine in LineMachine.allCases {
            let index = machine.rawValue
            guard machines[index].state == .running, machines[index].stop == nil else { continue }
            var faultDue = false
            if let countdown = machines[index].faultCountdown, let profile = configuration.faults(for: machine) {
                faultDue = countdown <= 1
                machines[index].faultCountdown = faultDue
                    ? Self.waitTicks(configuration.tick, mean: profile.meanRunTimeBetween, using: &machines[index].rng) : countdown - 1
                if faultDue {
                    startRandomFault(on: machine, profile: profile, at: time)
                }
            }
            if let countdown = machines[index].microStopCountdown, let profile = configuration.microStops(for: machine) {
                let due = countdown <= 1
                machines[index].microStopCountdown = due
                    ? Self.waitTicks(configuration.tick, mean: profile.meanRunTimeBetween, using: &machines[index].rng) : countdown - 1
                if due && !faultDue {
                    let length = Self.stopTicks(configuration.tick, profile, using: &machines[index].rng)
                    begin(ActiveStop(cause: .microStop, remainingTicks: length, occurrenceIndex: nil, bit: nil,
                                     lowersOilPressure: false), on: machine, at: time)
                }
            }
        }
        startWarningIfDue(at: time)
    }

    /// Moves the bagger's set speed when a speed change falls due.
    mutating func changeSpeedIfDue() {
        guard let countdown = speedChangeCountdown, let profile = configuration.speedChanges else { return }
        guard countdown <= 1 else {
            speedChangeCountdown = countdown - 1
            return
        }
        speedChangeCountdown = Self.waitTicks(configuration.tick, mean: profile.meanInterval, using: &speedRng)
        let nominal = configuration.products[productIndex].packsPerMinute
        let factor = 1 + profile.variation * (2 * speedRng.nextUnit() - 1)
        baggerSetSpeed = max(0.1, (nominal * factor * 10).rounded() / 10)
    }

    /// Starts the scripted stops scheduled for `tick`.
    mutating func startScriptedStops(onTick tick: Int, at time: Date) {
        while scriptedCursor < scripted.count && scripted[scriptedCursor].tick <= tick {
            let entry = scripted[scriptedCursor]
            scriptedCursor += 1
            let stop: ActiveStop
            switch entry.stop.kind {
            case .microStop:
                stop = ActiveStop(cause: .microStop, remainingTicks: entry.ticks, occurrenceIndex: nil, bit: nil,
                                  lowersOilPressure: false)
            case .fault(let bit):
                let validBit = bit.flatMap { (0 ..< FaultWords.bitCount).contains($0) ? $0 : nil }
                let text = validBit.flatMap { bit in configuration.faultCatalog.first { $0.bit == bit }?.text }
                    ?? validBit.map { "Fault[\($0)]" } ?? "\(entry.stop.machine.displayName) Fault"
                stop = faultStop(bit: validBit, text: text, ticks: entry.ticks)
            }
            begin(stop, on: entry.stop.machine, at: time)
        }
    }

    // MARK: - Helpers

    private mutating func startRandomFault(on machine: LineMachine, profile: StopProfile, at time: Date) {
        let index = machine.rawValue
        let entries = faultEntries[index]
        let length = Self.stopTicks(configuration.tick, profile, using: &machines[index].rng)
        let stop: ActiveStop
        if entries.isEmpty {
            stop = faultStop(bit: nil, text: "\(machine.displayName) Fault", ticks: length)
        } else {
            let choice = min(entries.count - 1, Int(machines[index].rng.nextUnit() * Double(entries.count)))
            stop = faultStop(bit: entries[choice].bit, text: entries[choice].text, ticks: length)
        }
        begin(stop, on: machine, at: time)
    }

    private mutating func startWarningIfDue(at time: Date) {
        guard let countdown = warningCountdown, let profile = configuration.baggerWarnings,
              machines[LineMachine.bagger.rawValue].state == .running else { return }
        guard countdown <= 1 else {
            warningCountdown = countdown - 1
            return
        }
        warningCountdown = Self.waitTicks(configuration.tick, mean: profile.meanRunTimeBetween, using: &warningRng)
        guard warning == nil, !warningEntries.isEmpty else { return }
        let choice = min(warningEntries.count - 1, Int(warningRng.nextUnit() * Double(warningEntries.count)))
        let entry = warningEntries[choice]
        let occurrence = recorder.openFault(machine: .bagger, bit: entry.bit, text: entry.text, kind: .warning, at: time)
        warning = ActiveStop(cause: .fault(bit: entry.bit, text: entry.text),
                             remainingTicks: Self.stopTicks(configuration.tick, profile, using: &warningRng),
                             occurrenceIndex: occurrence, bit: entry.bit, lowersOilPressure: false)
    }

    private func faultStop(bit: Int?, text: String, ticks: Int) -> ActiveStop {
        ActiveStop(cause: .fault(bit: bit, text: text), remainingTicks: ticks, occurrenceIndex: nil, bit: bit,
                   lowersOilPressure: text.lowercased().contains("oil pressure"))
    }

    /// Puts `stop` in force on `machine`, ending any stop in progress and opening a fault
    /// occurrence for faults.
    private mutating func begin(_ stop: ActiveStop, on machine: LineMachine, at time: Date) {
        let index = machine.rawValue
        if let current = machines[index].stop {
            finish(current, at: time)
        }
        var started = stop
        if case .fault(let bit, let text) = stop.cause {
            started.occurrenceIndex = recorder.openFault(machine: machine, bit: bit, text: text, kind: .fault, at: time)
        }
        machines[index].stop = started
    }

    private mutating func finish(_ stop: ActiveStop, at time: Date) {
        if let occurrence = stop.occurrenceIndex {
            recorder.closeFault(at: occurrence, time: time)
        }
    }

    /// Ticks until the next event of an exponential process with the given mean (seconds).
    private static func waitTicks(_ tick: Double, mean: Double, using rng: inout SplitMix64) -> Int {
        max(1, Int((rng.nextExponential(mean: mean) / tick).rounded()))
    }

    /// Length in ticks of a stop drawn from `profile`, skewed towards short stops.
    private static func stopTicks(_ tick: Double, _ profile: StopProfile, using rng: inout SplitMix64) -> Int {
        let unit = rng.nextUnit()
        let seconds = profile.minDuration + (profile.maxDuration - profile.minDuration) * unit * unit
        return max(1, Int((seconds / tick).rounded()))
    }
}
