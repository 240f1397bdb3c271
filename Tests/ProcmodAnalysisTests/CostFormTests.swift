import Foundation
import ProcmodAnalysis
import ProcmodLoader
import ProcmodModel
import ProcmodReporting
import ProcmodTestSupport
import Testing

/// The compliance cost form as Circular 02/2017/TT-VPCP Art. 27 lays it out (issue 12 §2).
@Suite struct CostFormTests {
    static func form(_ name: String) throws -> ComplianceCostForm {
        ProcedureAnalysis(try ProcedureLoader().loadProcedure(at: TestSupport.path("procedures/\(name).xml"))).costForm
    }

    /// One row by hand: birth registration's photocopying. The parent photocopies once per case
    /// (before the channel choice; supplements go back to the trip, not to the copier) for a uniform
    /// 10-30 minutes, mean 20, at 44,000 VND an hour (the model's tariff, source gov-tariff), and pays
    /// 2,000 VND for the copies (no fee: a cost of copies): 14,666.67 + 2,000 = 16,667 đồng a case, and
    /// × 1,400,000 registrations a year = 23,333,333,333 đồng a year.
    @Test func aRowOfTheFormByHand() throws {
        let form = try Self.form("birth-registration")
        let row = try #require(form.activities.first { $0.id == "photocopy" })
        #expect(row.timesPerCase == 1)
        #expect(abs(row.hours - 20.0 / 60) < 1e-9)
        #expect(abs(row.timeCostVND - 44_000.0 / 3) < 1e-6)
        #expect(row.feesVND == 0 && row.otherVND == 2_000)
        #expect(row.perCaseVND.rounded() == 16_667)
        #expect(form.perYearVND(of: row).rounded() == 23_333_333_333)
        #expect(form.incomePerHourVND == 44_000 && form.incomeSources.first?.hasPrefix("gov-tariff") == true)
        // The extract copy's charge (phí) is a fee; the post a cost of its own.
        #expect(abs((form.activities.first { $0.id == "collect" }?.feesVND ?? 0) - 8_000) < 1e-6)
        #expect((form.activities.first { $0.id == "mail" }?.otherVND ?? 0) > 0)
    }

    /// The form adds up to the compliance cost every other report shows, for every shipped procedure, and
    /// holds no agency time.
    @Test func theFormAddsUpToTheComplianceCost() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("procedures")).filter { $0.hasSuffix(".xml") }
        #expect(names.count >= 9)
        for name in names {
            let p = try ProcedureLoader().loadProcedure(at: TestSupport.path("procedures/\(name)"))
            let a = ProcedureAnalysis(p)
            let form = a.costForm, cost = a.metrics.cost
            #expect(abs(form.perCaseVND - cost.perCaseVND) < 1e-6, "\(name): \(form.perCaseVND) vs \(cost.perCaseVND)")
            #expect(abs(form.hours - cost.applicantHours) < 1e-9, "\(name)")
            #expect(abs(form.feesVND + form.otherVND - cost.applicantOutOfPocketVND) < 1e-6, "\(name)")
            #expect(abs(form.perYearVND - cost.perYearVND) < 1e-3, "\(name)")
        }
    }

    /// Enterprise registration: the online channel's 100,000 VND publication fee, which no step pays, is
    /// a row of its own, weighted by the channel's 30%.
    @Test func channelFeesNoStepPaysAreARow() throws {
        let form = try Self.form("enterprise-registration")
        let fees = try #require(form.activities.first { $0.id == "fees:online" })
        #expect(abs(fees.feesVND - 0.3 * 100_000) < 1e-6)
        #expect(!form.activities.contains { $0.id == "fees:in-person" })
    }

    @Test func thePlanReportsTheCutTheWayTheGovernmentDoes() throws {
        let r = try TestSupport.runProcmod(["cost", "--lang", "vi", "--format", "markdown", "procedures/birth-registration.xml",
                                            "--scenario", "examples/scenarios/birth-registration-2024.xml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("| Công việc | Số lần/hồ sơ | Thời gian (giờ) |"))
        #expect(r.stdout.contains("N = 1.400.000 đối tượng/năm"))
        #expect(r.stdout.contains("- Tỷ lệ cắt giảm chi phí: 22,8%"), "\(r.stdout)")
        #expect(r.stdout.contains("Đối chiếu mục tiêu Nghị quyết số 66/NQ-CP năm 2025"))
        let csv = try TestSupport.runProcmod(["cost", "--format", "csv", "procedures/passport.xml"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "code,version,activity,name,times_per_case,hours,time_cost_vnd,fees_vnd,other_vnd,per_case_vnd,per_year_vnd")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("1.001456,before,") })
        let json = try TestSupport.runProcmod(["cost", "--format", "json", "procedures/passport.xml"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let before = try #require(object?["before"] as? [String: Any])
        #expect(before["perCaseVND"] is Double && before["activities"] is [Any])
    }
}
