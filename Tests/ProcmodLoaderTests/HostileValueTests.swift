import Foundation
@testable import ProcmodLoader
import ProcmodModel
import ProcmodTestSupport
import Testing

/// Issue 9: schema-valid files that crashed, hung or were read wrong now give located errors.
@Suite struct HostileValueTests {
    static let minimal: String = {
        let url = Bundle.module.url(forResource: "minimal", withExtension: "xml", subdirectory: "Fixtures")!
        return try! String(contentsOf: url, encoding: .utf8)
    }()

    /// The minimal procedure with `old` replaced by `new` (which must occur).
    static func variant(_ old: String, _ new: String) -> String {
        precondition(minimal.contains(old), "the fixture has no \(old)")
        return minimal.replacingOccurrences(of: old, with: new)
    }

    static func codes(_ xml: String) -> [String] { TestSupport.load(xml).diagnostics.filter { $0.severity == .error }.map(\.code) }

    @Test("values beyond their bound are [limit] errors at the attribute", arguments: [
        ("capacity=\"2\"", "capacity=\"9223372036854775808\"", "<actor> attribute 'capacity' is 9223372036854775808"),
        ("capacity=\"2\"", "capacity=\"100000000000\"", "<actor> attribute 'capacity' is 100000000000"),
        ("<volume per-year=\"1000\"/>", "<volume per-year=\"9223372036854775808\"/>", "'per-year' is 9223372036854775808"),
        ("<volume per-year=\"1000\"/>", "<volume per-year=\"1000\"/><deadline working-days=\"9223372036854775807\"/>", "'working-days'"),
        ("max=\"2\"", "max=\"70000\"", "<branch> attribute 'max' is 70000"),
        ("<fixed value=\"10\"/>", "<fixed value=\"100000000000000000000\"/>", "has a parameter of 100000000000000000000 minutes"),
    ])
    func boundsAreLocatedErrors(_ old: String, _ new: String, _ message: String) {
        // The deadline must come before the volume in the schema's order.
        let xml = old.hasPrefix("<volume") && new.contains("deadline")
            ? Self.variant(old, "<deadline working-days=\"9223372036854775807\"/>" + old)
            : Self.variant(old, new)
        let loaded = TestSupport.load(xml)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(loaded.procedure == nil)
        #expect(errors.contains { $0.code == "limit" && $0.message.contains(message) && $0.location.line > 1 },
                "\(TestSupport.lines(loaded))")
    }

    @Test func hoursOfWorkBeyondTenYearsAreRefused() {
        let loaded = TestSupport.load(Self.variant("<work unit=\"minutes\"><fixed value=\"10\"/>",
                                                   "<work unit=\"hours\"><fixed value=\"1000000\"/>"))
        #expect(TestSupport.lines(loaded).contains {
            $0.hasPrefix("test.xml:27:") && $0.contains("1000000 hours, over the bound of 87600 hours") && $0.hasSuffix("[limit]")
        }, "\(TestSupport.lines(loaded))")
    }

    @Test func aLoopWhoseWayOutHasProbabilityZeroIsRefused() {
        let xml = Self.variant("<branch to=\"issue\" probability=\"0.9\"/>\n      <branch to=\"submit\" probability=\"0.1\" loop=\"supplement\" max=\"2\"/>",
                               "<branch to=\"issue\" probability=\"0\"/>\n      <branch to=\"submit\" probability=\"1\" loop=\"supplement\"/>")
        let lines = TestSupport.lines(TestSupport.load(xml))
        #expect(lines.contains { $0.contains("can never leave the loop") && $0.hasSuffix("[loop-without-exit]") }, "\(lines)")
    }

    @Test func aLoopOfProbabilityOneWithAMaxIsValid() {
        let xml = Self.variant("<branch to=\"issue\" probability=\"0.9\"/>\n      <branch to=\"submit\" probability=\"0.1\" loop=\"supplement\" max=\"2\"/>",
                               "<branch to=\"issue\" probability=\"0\"/>\n      <branch to=\"submit\" probability=\"1\" loop=\"supplement\" max=\"2\"/>")
        let loaded = TestSupport.load(xml)
        #expect(loaded.procedure != nil, "\(TestSupport.lines(loaded))")
    }

    @Test func aChannelChoiceThatLeadsBackToItselfIsRefused() {
        let xml = Self.variant("""
            <choice id="complete">
                  <branch to="issue" probability="0.9"/>
                  <branch to="submit" probability="0.1" loop="supplement" max="2"/>
            """, """
            <choice id="complete" by="channel">
                  <branch to="submit" channel="in-person"/>
                  <branch to="issue" channel="post"/>
            """).replacingOccurrences(of: "<channel id=\"in-person\" kind=\"in-person\" share=\"1\"/>",
                                      with: "<channel id=\"in-person\" kind=\"in-person\" share=\"0.5\"/><channel id=\"post\" kind=\"post\" share=\"0.5\"/>")
        let lines = TestSupport.lines(TestSupport.load(xml))
        #expect(lines.contains { $0.contains("a case on channel 'in-person'") && $0.hasSuffix("[loop-without-exit]") }, "\(lines)")
    }

    @Test func everyBranchCappedIsRefused() {
        let xml = Self.variant("<branch to=\"issue\" probability=\"0.9\"/>", "<branch to=\"issue\" probability=\"0.9\" max=\"3\"/>")
        #expect(TestSupport.lines(TestSupport.load(xml)).contains { $0.contains("every branch of choice 'complete' has a max") })
    }

    @Test func aDoctypeBehindACommentTrickIsRefusedByTheParser() {
        let xml = "<?xml version=\"1.0\"?>\n<!-->x-->\n<!DOCTYPE p [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n"
            + "<procedure xmlns=\"urn:procmod:procedure:1\" code=\"&b;\"/>\n"
        #expect(TestSupport.lines(TestSupport.load(xml))
                == ["test.xml:3:1: error: DOCTYPE declarations are not allowed: procmod files use no DTD and no entities [doctype]"])
    }

    @Test func aDoctypeWithASystemIDAfterAProcessingInstructionIsRefused() {
        let xml = "<?xml version=\"1.0\"?>\n<?pi ?>\n<!-- a -->\n<!DOCTYPE procedure SYSTEM \"file:///etc/passwd\">\n<procedure/>"
        #expect(TestSupport.lines(TestSupport.load(xml)).first?.hasPrefix("test.xml:4:1: error: DOCTYPE") == true)
    }

    @Test func carriageReturnLineEndsGiveTheRightLine() {
        let xml = Self.minimal.replacingOccurrences(of: "\n", with: "\r")
            .replacingOccurrences(of: "capacity=\"2\"", with: "capacity=\"two\"")
        let lf = Self.variant("capacity=\"2\"", "capacity=\"two\"")
        let crLines = TestSupport.lines(TestSupport.load(xml)), lfLines = TestSupport.lines(TestSupport.load(lf))
        #expect(!crLines.isEmpty)
        #expect(crLines == lfLines)
    }

    @Test func thousandsOfUnknownReferencesAreEachReportedOnce() {
        let steps = (0..<600).map { "<step id=\"s\($0)\" kind=\"verify\" actor=\"clerk-\($0)\"/>" }.joined(separator: "\n")
        let xml = Self.minimal.replacingOccurrences(of: "<step id=\"submit\"", with: steps + "\n<step id=\"submit\"")
        let unknown = TestSupport.load(xml).diagnostics.filter { $0.code == "unknown-reference" }
        #expect(unknown.count == 600)
        #expect(unknown.filter { $0.message.contains("did you mean") }.count <= suggestionLimit)
    }

    @Test func onlyRegularFilesAreRead() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe.xml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(ProcedureFiles.expand([directory.path]).isEmpty)
        let loaded = ProcedureLoader().load(path: fifo)
        #expect(TestSupport.lines(loaded) == ["\(fifo):1:1: error: is not a regular file (a pipe, socket or device): procmod reads only regular files [io]"])
    }

    @Test func theWriterPrintsHugeWholeNumbersWithoutTrapping() {
        #expect(number(18_446_744_073_709_551_616) == "18446744073709551616")
        #expect(number(1e20) == "100000000000000000000")
        #expect(number(0.25) == "0.25")
    }
}
