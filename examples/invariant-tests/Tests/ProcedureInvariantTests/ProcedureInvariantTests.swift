import Foundation
import ProcmodTesting
import Testing
import XCTest

/// The repository's procedures/ and examples/, found from this file.
let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

func path(_ relative: String) -> String { repository.appendingPathComponent(relative).path }

/// Promises about the digitized birth registration (examples/after/birth-registration-2024.xml).
@Suite struct DigitizedBirthRegistration {
    let procedure: Procedure

    init() throws {
        procedure = try ProcmodTesting.procedure(at: path("examples/after/birth-registration-2024.xml"))
    }

    @Test func atMostOneVisit() { expectInvariant(.maxVisits(1), procedure) }

    @Test func noCertifiedCopies() { expectInvariant(.noCertifiedCopies, procedure) }

    @Test func nothingThePopulationDatabaseHolds() { expectInvariant(.onceOnly(registers: ["population", "civil-status"]), procedure) }

    @Test func theChairmanSignsEveryCase() { expectInvariant(.approvalOnEveryPath(actor: "chairman"), procedure) }

    @Test func costPerCaseUnder200000VND() { expectInvariant(.maxCostPerCase(200_000), procedure) }

    @Test func ninetyPercentWithinTwoWorkingDays() {
        expectInvariant(.leadTimePercentile(percentile: 90, maxWorkingDays: 2), procedure,
                        simulation: SimulationOptions(cases: 1_000, replications: 10, seed: 1))
    }
}

/// Promises every procedure in procedures/ keeps, before any reform.
@Suite struct AllProcedures {
    @Test func everyProcedureLoadsAndHasAnEnd() throws {
        let all = try ProcmodTesting.procedures(in: path("procedures"))
        #expect(all.count >= 9)
        for (_, p) in all {
            #expect(p.flow.nodes.contains { if case .end = $0.kind { true } else { false } })
        }
    }

    @Test func noDigitizedProcedureAsksForAnObsoleteDocument() throws {
        for (_, p) in try ProcmodTesting.procedures(in: path("examples/after")) {
            expectInvariant(.rule("obsolete-document"), p)
        }
    }
}

/// The same kind of promise from XCTest.
final class PassportXCTests: XCTestCase {
    func testThePassportIsSignedByTheHeadOnEveryPath() throws {
        let passport = try ProcmodTesting.procedure(at: path("procedures/passport.xml"))
        XCTAssertInvariant(.approvalOnEveryPath(actor: "head"), passport)
    }
}
