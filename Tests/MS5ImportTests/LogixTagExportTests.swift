import MS5Import
import MS5Domain
import Testing

@Suite("LogixTagExport on bagger1-logix5000-tags.csv")
struct LogixRealFileTests {
    let result: LogixTagImport

    init() throws {
        result = LogixTagExport.parse(try PLCTestData.text(PLCTestData.logixTags))
    }

    @Test func readsEveryRowWithoutIssues() {
        #expect(result.issues.isEmpty, "\(result.issues)")
        // 203 lines - 5 remark - 1 version (0.3) - 1 header = 196 data rows.
        #expect(result.tags.count == 196)
    }

    @Test func rowCountsByKind() {
        // Counted with: tr -d '\r' < file | cut -d, -f1 | sort | uniq -c
        //   → 136 TAG, 59 ALIAS, 1 COMMENT (plus 5 remark, 1 "0.3", 1 TYPE header).
        #expect(result.rows(ofKind: .tag).count == 136)
        #expect(result.rows(ofKind: .alias).count == 59)
        #expect(result.rows(ofKind: .comment).count == 1)
    }

    @Test func arraysAndIOModules() {
        // grep '^TAG' file | cut -d, -f5 | grep -c '\['  → 32 arrays (one 2-D: Recipe INT[6,8]).
        #expect(result.tags.filter(\.isArray).count == 32)
        #expect(result.tags.filter { $0.dimensions.count == 2 }.map(\.name) == ["Recipe"])
        // grep '^TAG' file | cut -d, -f3 | grep -c ':'  → 14 module tags Local:1:I … Local:6:O.
        let modules = result.tags.filter(\.isIOModule)
        #expect(modules.count == 14)
        #expect(modules.first?.name == "Local:1:I")
        #expect(modules.last?.name == "Local:6:O")
    }

    @Test func everyRowIsControllerScoped() {
        // awk -F, 'NR>7{print $2}' | sort | uniq -c → 196 empty scopes.
        #expect(result.tags.allSatisfy { $0.scope == nil })
    }

    @Test func faultTag() throws {
        let fault = try #require(result.tag(named: "Fault"))
        #expect(fault.line == 54)
        #expect(fault.kind == .tag)
        #expect(fault.dataType == "BOOL")
        #expect(fault.dimensions == [64])
        #expect(fault.isArray)
        #expect(!fault.isIOModule)
        #expect(fault.description == "")
        #expect(fault.declaredType == "BOOL[64]")
        #expect(fault.pollableMembers == ["Fault"])
    }

    @Test func countBladePECCounter() throws {
        let counter = try #require(result.tag(named: "Count_Blade_PEC"))
        #expect(counter.line == 32)
        #expect(counter.dataType == "COUNTER")
        #expect(counter.dimensions.isEmpty)
        #expect(!counter.isArray)
        #expect(counter.pollableMembers == ["Count_Blade_PEC.ACC", "Count_Blade_PEC.PRE"])
    }

    @Test func ioModuleTag() throws {
        let module = try #require(result.tag(named: "Local:1:I"))
        #expect(module.line == 8)
        #expect(module.dataType == "AB:1769_DI32:I:0")
        #expect(module.dimensions.isEmpty)
        #expect(module.isIOModule)
        #expect(module.pollableMembers.isEmpty)
    }

    @Test func aliasWithDescription() throws {
        let alias = try #require(result.tag(named: "I102"))
        #expect(alias.line == 65)
        #expect(alias.kind == .alias)
        #expect(alias.aliasTarget == "Local:1:I.Data.2")
        #expect(alias.description == "SLICER INFEED PEC 1")
        #expect(alias.dataType == "")
        #expect(alias.pollableMembers.isEmpty)
        // 9 aliases have a non-empty DESCRIPTION (awk -F, '$4!=""' on the ALIAS rows).
        #expect(result.rows(ofKind: .alias).filter { !$0.description.isEmpty }.count == 9)
    }

    @Test func commentRowKeepsOperandAndParent() throws {
        let comment = try #require(result.rows(ofKind: .comment).first)
        #expect(comment.line == 57)
        #expect(comment.name == "HMI_Bit[21]")
        #expect(comment.parentTag == "HMI_Bit")
        #expect(comment.description == "Manual Wicket HMI")
        #expect(comment.dataType == "")
        #expect(result.description(of: "HMI_Bit[21]") == "Manual Wicket HMI")
        #expect(result.description(of: "HMI_Bit[20]") == nil)
        #expect(result.description(of: "B3_0") == "SCADA counter reset")
    }

    @Test func knownIntegrationTags() throws {
        #expect(result.tag(named: "MC_Avg_Speed")?.dataType == "REAL")
        #expect(result.tag(named: "Avg_Speed")?.dataType == "INT")
        #expect(result.tag(named: "Current_Product")?.dataType == "INT")
        #expect(result.tag(named: "current_product")?.line == 33)
        let recipe = try #require(result.tag(named: "Recipe"))
        #expect(recipe.dataType == "INT")
        #expect(recipe.dimensions == [6, 8])
    }

    @Test func quotedAttributesWithDoubledQuotes() throws {
        // Long ATTRIBUTES with ""MotionGroup"" must not shift columns: the axis is still a tag.
        let axis = try #require(result.tag(named: "Discharge_Axis"))
        #expect(axis.line == 199)
        #expect(axis.dataType == "AXIS_SERVO_DRIVE")
        #expect(result.tag(named: "MotionGroup")?.dataType == "MOTION_GROUP")
        #expect(result.tag(named: "LoaderInterlock")?.line == 203)
    }

    @Test func pollableMemberCounts() {
        // 92 numeric atomic TAG rows (BOOL 38, REAL 29, DINT 17, INT 8 — counted with
        // grep '^TAG' | cut -d, -f5 | sed 's/\[.*//' | grep -cxE 'BOOL|…|LREAL') → 1 operand each.
        let numeric = result.tags.filter(\.isNumericAtomic)
        #expect(numeric.count == 92)
        // COUNTER: Count_Blade_PEC (1) + C5_0 (32); TIMER: DelayStart, Fault_Display_Timer,
        // ResetTime, SLICER_RUNOUT_TIMER (4) + MTimer (6) + T4_0 (32) → 75 elements × 2 = 150.
        let all = result.tags.flatMap(\.pollableMembers)
        #expect(all.count == 92 + 150)
        #expect(Set(all).count == all.count)
        let mtimer = result.tag(named: "MTimer")?.pollableMembers ?? []
        #expect(mtimer.count == 12)
        #expect(mtimer.prefix(3) == ["MTimer[0].ACC", "MTimer[0].PRE", "MTimer[1].ACC"])
        #expect(mtimer.last == "MTimer[5].PRE")
    }
}
