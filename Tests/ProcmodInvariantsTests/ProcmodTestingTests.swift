import ProcmodLoader
import ProcmodTestSupport
import ProcmodTesting
import Testing

/// The assertions a reform team's own suite uses: a kept invariant records nothing, a broken one records
/// exactly one issue that names the procedure's file and what broke.
@Suite struct ProcmodTestingTests {
    static func passport() throws -> Procedure {
        try ProcmodTesting.procedure(at: TestSupport.path("procedures/passport.xml"))
    }

    @Test func aKeptInvariantRecordsNothing() throws {
        let r = expectInvariant(.maxVisits(5), try Self.passport())
        #expect(r.verdict == .pass)
    }

    @Test func aBrokenInvariantRecordsOneIssueNamingTheModel() throws {
        let passport = try Self.passport()
        withKnownIssue("passport.xml asks for more than zero visits") {
            let r = expectInvariant(.maxVisits(0), passport)
            #expect(r.verdict == .fail)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("passport.xml") && $0.rawValue.contains("visits") }
        }
    }

    @Test func everyFileOfAFolderLoads() throws {
        let all = try ProcmodTesting.procedures(in: TestSupport.path("procedures"))
        #expect(all.count >= 9)
    }
}
