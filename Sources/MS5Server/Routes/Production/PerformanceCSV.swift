import Foundation
import MS5Domain

/// KPIs by period and stops as CSV for spreadsheets: one row each, times in ISO 8601 UTC,
/// durations in seconds, ratios from 0 to 1, empty where a figure does not exist.
enum PerformanceCSV {
    /// One row per period.
    static func periods(_ periods: [PerformancePeriod]) -> String {
        var text = "period,start,end,planned_busy_s,actual_production_s,availability,effectiveness,quality_ratio,oee,"
            + "produced,good,rejects,breakdown_s,setup_s,minor_stops_s,reduced_speed_s,startup_rejects_s,production_rejects_s,"
            + "mtbf_s,mttr_s,ideal_rate_misconfigured\r\n"
        for period in periods {
            let k = period.kpis
            let fields: [String] = [
                field(period.label), time(period.window.start), time(period.window.end),
                number(k.time.planned.plannedBusyTime), number(k.time.actualProductionTime),
                number(k.availability), number(k.effectiveness), number(k.qualityRatio), number(k.oee),
                "\(k.quantities.produced)", "\(k.quantities.good)", "\(k.quantities.rejects)",
                number(k.losses.breakdowns), number(k.losses.setupAndAdjustment), number(k.losses.minorStops),
                number(k.losses.reducedSpeed), number(k.losses.startupRejects), number(k.losses.productionRejects),
                number(k.meanTimeBetweenFailures), number(k.meanTimeToRepair), k.idealRateMisconfigured ? "true" : "false",
            ]
            text += fields.joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// One row per stop.
    static func stops(_ stops: [Stop]) -> String {
        var text = "start,end,duration_s,initial_state,first_out_fault,proposed_reason,reason,coded_at,comments\r\n"
        for stop in stops {
            let fields: [String] = [
                time(stop.start), time(stop.end), number(stop.duration), stop.initialState.rawValue,
                field(stop.firstOutFaultCode ?? ""), field(stop.proposedReasonCode ?? ""), field(stop.reasonCode ?? ""),
                stop.codedAt.map(time) ?? "", field(stop.comments.map { "\($0.author): \($0.text)" }.joined(separator: " | ")),
            ]
            text += fields.joined(separator: ",") + "\r\n"
        }
        return text
    }

    private static func time(_ date: Date) -> String { ISO8601Coding.withFraction.format(date) }

    private static func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    /// A text field, quoted when it holds a comma, quote or line break; a leading =, +, - or @
    /// is prefixed with ' so that spreadsheets do not run it as a formula.
    private static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
