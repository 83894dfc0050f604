import Foundation
import MS5Domain
import MS5Import
import Testing

@Suite("Tag binding plans from the real exports")
struct TagBindingPlanTests {
    // Counted with Python's csv module over the files: Logix TAG rows that are numeric scalars (75),
    // COUNTER/TIMER scalars (5) and the BOOL[64] Fault array as two words (2) = 82; left out:
    // 59 aliases, 14 I/O module tags, 31 other arrays and 10 tags of other types = 114.
    @Test("Bagger 1: 82 metrics with roles, 114 tags left out with a reason")
    func logix() throws {
        let plan = TagBindingPlan.logix(LogixTagExport.parse(try PLCTestData.text(PLCTestData.logixTags)))
        #expect(plan.metrics.count == 82)
        #expect(plan.skipped.count == 114)
        let byKey = Dictionary(uniqueKeysWithValues: plan.metrics.map { ($0.key, $0) })
        #expect(byKey["MC_Avg_Speed"]?.role == .speed)
        #expect(byKey["Current_Product"]?.role == .productCode)
        #expect(byKey["Count_Blade_PEC.ACC"]?.role == .counterTotal)
        #expect(byKey["Count_Blade_PEC.ACC"]?.address == "Count_Blade_PEC.ACC")
        #expect(byKey["Fault.Word0"]?.faultWordIndex == 0)
        #expect(byKey["Fault.Word1"]?.faultWordIndex == 1)
        #expect(byKey["Fault.Word1"]?.address == "Fault")
        #expect(byKey["AllDrivesEnabled"]?.role == .statusBit)
        #expect(plan.skipped.contains { $0.tag == "Local:1:I" && $0.reason.contains("I/O module") })
        for metric in plan.metrics {
            #expect(throws: Never.self, "\(metric.key)") { try metric.validate() }
        }
    }

    // Named B-file bits, N-file words, F-file floats and T/C elements among the 885 symbol rows:
    // 455; the other 430 (unnamed rows, I/O, S and ST files, T/C members) are left out.
    @Test("Basket Loader 1: 455 metrics, 430 rows left out; every address parses for the SLC connector")
    func slc() throws {
        let plan = TagBindingPlan.slc(SLCSymbolExport.parse(try PLCTestData.text(PLCTestData.slcSymbols)))
        #expect(plan.metrics.count == 455)
        #expect(plan.skipped.count == 430)
        let autoCycle = try #require(plan.metrics.first { $0.address == "B3:0/8" })
        #expect(autoCycle.key == "B3_0_8")
        #expect(autoCycle.role == .statusBit)
        #expect(autoCycle.name.hasPrefix("AUTO_CYCLE_IND"))
        for metric in plan.metrics {
            #expect(throws: Never.self, "\(metric.key)") { try metric.validate() }
        }
    }

    @Test("Fault rows become catalog entries with severity by kind")
    func faultDefinitions() throws {
        let parsed = FaultCatalogCSV.parse(try PLCTestData.text(PLCTestData.faultCatalog))
        let running = try #require(parsed.faults.first { $0.bitIndex == 59 }).definition
        #expect(running == FaultDefinition(word: 1, bit: 27, code: "F59", text: "Machine Running", severity: 1, kind: .status, source: .internal))
        #expect(parsed.faults.map(\.definition).filter { $0.kind == .fault }.allSatisfy { $0.severity == 4 })
    }
}
