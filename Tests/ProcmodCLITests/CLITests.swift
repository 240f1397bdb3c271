import Foundation
import ProcmodTestSupport
import Testing

/// The `procmod` executable end to end: output, exit codes, determinism.
@Suite struct CLITests {
    @Test func validateShippedProceduresExitsZero() throws {
        let r = try TestSupport.runProcmod(["validate", "procedures"])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("files checked: \(r.stdout.split(separator: " ")[0]) valid (0 errors, 0 warnings)\n"))
    }

    @Test func invalidInputExits65WithCompilerStyleLines() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.xml")
        try "<?xml version=\"1.0\"?>\n<procedure".write(to: bad, atomically: true, encoding: .utf8)
        let empty = directory.appendingPathComponent("empty.xml")
        try "".write(to: empty, atomically: true, encoding: .utf8)
        let r = try TestSupport.runProcmod(["validate", directory.path])
        #expect(r.status == 65)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("\(bad.path):2:11: error: Couldn't find end of Start Tag procedure line 2 [xml]"))
        #expect(lines.contains("\(empty.path):1:1: error: the file is empty: expected an XML document whose root element is <procedure> [empty-file]"))
        #expect(lines.last == "2 files checked: 0 valid, 2 with errors (2 errors, 0 warnings)")
        #expect(!r.stdout.contains("\u{1B}["), "no colour when NO_COLOR is set and output is not a terminal")
    }

    @Test func jsonOutputHasSortedKeysAndIsStable() throws {
        let a = try TestSupport.runProcmod(["validate", "--format", "json", "procedures"])
        let b = try TestSupport.runProcmod(["validate", "--format", "json", "procedures"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Int]
        #expect(summary?["errors"] == 0 && (summary?["files"] ?? 0) >= 9)
        #expect(a.stdout.firstRange(of: "\"files\"")!.lowerBound < a.stdout.firstRange(of: "\"summary\"")!.lowerBound)
    }

    @Test func showListsStepsInOrder() throws {
        let r = try TestSupport.runProcmod(["show", "--lang", "en", "procedures/birth-registration.xml"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("1.001193  Birth registration\n"))
        #expect(r.stdout.contains("Deadline:  the same working day, cut-off 15:00 [Luật Hộ tịch 60/2014/QH13, Art. 16]"))
        #expect(r.stdout.contains("Volume:    1,400,000 cases a year"))
        let order = ["prepare", "photocopy", "mail", "travel", "queue", "submit", "receive", "supplement", "verify", "sign", "collect"]
        let positions = order.map { id in r.stdout.firstMatch(of: try! Regex("[0-9]+\\.\\s+\(id) "))?.range.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func showOfAnInvalidFileExits65() throws {
        let r = try TestSupport.runProcmod(["show", "no-such-file.xml"])
        #expect(r.status == 65)
        #expect(r.stderr == "no-such-file.xml:1:1: error: no such file [io]\n")
    }

    @Test func usageErrorsExit64() throws {
        let r = try TestSupport.runProcmod(["validate", "--format", "yaml", "procedures"])
        #expect(r.status == 64)
    }

    @Test func schemaCommandPrintsThePublishedXSD() throws {
        let r = try TestSupport.runProcmod(["schema"])
        let published = try String(contentsOfFile: TestSupport.path("docs/procedure-1.xsd"), encoding: .utf8)
        #expect(r.stdout == published)
    }

    @Test func versionAndHelp() throws {
        #expect(try TestSupport.runProcmod(["--version"]).stdout == "0.2.0\n")
        let help = try TestSupport.runProcmod(["validate", "--help"]).stdout
        #expect(help.contains("procmod validate procedures/"))
    }
}

/// `procmod analyze` and `procmod rules` end to end.
@Suite struct AnalyzeCLITests {
    /// Issue 12: a document that lapses in 2099 is valid at the model's date; `--as-of` judges at another.
    @Test func obsolescenceIsJudgedAtTheModelsDate() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("later.xml")
        let text = try String(contentsOfFile: TestSupport.path("procedures/birth-registration.xml"), encoding: .utf8)
            .replacingOccurrences(of: #"obsolete-from="2023-01-01""#, with: #"obsolete-from="2099-01-01""#)
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(!(try TestSupport.runProcmod(["analyze", file.path]).stdout.contains("[obsolete-document]")))
        let later = try TestSupport.runProcmod(["analyze", "--as-of", "2100-01-01", file.path])
        #expect(later.stdout.contains("which has no legal validity since 2099-01-01 [obsolete-document]"))
        let dated = text.replacingOccurrences(of: #"as-of="2022-06-01""#, with: #"as-of="2099-06-30""#)
        try dated.write(to: file, atomically: true, encoding: .utf8)
        #expect(try TestSupport.runProcmod(["analyze", file.path]).stdout.contains("[obsolete-document]"))
    }

    @Test func findingsAtErrorSeverityExitOne() throws {
        let r = try TestSupport.runProcmod(["analyze", "procedures/judicial-record.xml"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("procedures/judicial-record.xml:118:7: error: step 'submit' asks for 'household-book', which has no legal validity since 2023-01-01 [obsolete-document]"))
        #expect(r.stdout.contains("\n  compliance cost per year "))
        #expect(!r.stdout.contains("\u{1B}["))
    }

    /// `--lang vi`: the finding's sentence, severities, rule and element names and numbers in Vietnamese,
    /// the legal basis cited as Vietnamese law cites it; the rule id stays for the docs.
    @Test func analyzeSpeaksVietnamese() throws {
        let r = try TestSupport.runProcmod(["analyze", "--lang", "vi", "procedures/judicial-record.xml"])
        #expect(r.status == 1)
        #expect(r.stdout.contains(": lỗi: bước Nộp hồ sơ, nộp phí yêu cầu Sổ hộ khẩu, giấy tờ không còn giá trị pháp lý từ ngày 01/01/2023 [obsolete-document]"),
                "\(r.stdout)")
        #expect(r.stdout.contains("căn cứ pháp lý: khoản 1 Điều 6 Nghị định số 23/2015/NĐ-CP") || r.stdout.contains("căn cứ pháp lý: khoản 3 Điều 38 Luật Cư trú"), "\(r.stdout)")
        #expect(!r.stdout.contains("household-book") && !r.stdout.contains("working days"))
    }

    /// CI steps that upload SARIF keep going with --exit-zero; --fail-on lowers the bar; a file that
    /// cannot be read is a SARIF result, not only a line on standard error.
    @Test func exitStatusFollowsFailOn() throws {
        #expect(try TestSupport.runProcmod(["analyze", "procedures/judicial-record.xml"]).status == 1)
        #expect(try TestSupport.runProcmod(["analyze", "--exit-zero", "procedures/judicial-record.xml"]).status == 0)
        #expect(try TestSupport.runProcmod(["analyze", "--fail-on", "never", "procedures/judicial-record.xml"]).status == 0)
        #expect(try TestSupport.runProcmod(["analyze", "--fail-on", "warning", "procedures/passport.xml"]).status == 1)
        #expect(try TestSupport.runProcmod(["analyze", "procedures/passport.xml"]).status == 0)
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.xml")
        try "<procedure xmlns=\"urn:procmod:procedure:1\" code=\"x\"/>".write(to: bad, atomically: true, encoding: .utf8)
        let sarif = try TestSupport.runProcmod(["analyze", "--format", "sarif", "--exit-zero", bad.path, "procedures/passport.xml"])
        #expect(sarif.status == 0)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "invalid-procedure" && $0["level"] as? String == "error" })
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.allSatisfy { ($0["help"] as? [String: Any])?["markdown"] != nil })
        let text = try TestSupport.runProcmod(["analyze", "procedures/passport.xml"])
        #expect(text.stdout.hasSuffix("findings: 0 error(s), 2 warning(s), 5 note(s) in 1 procedure(s)\n"))
    }

    /// JUnit read back by junitparser and xunitparser, the readers CI plugins use (Tests/oracles/junit_check.py):
    /// the same counts, classes named by file, the file on every suite. Runs when PROCMOD_JUNIT_PYTHON
    /// (default /tmp/procmod-oracles/bin/python) imports both.
    static let junitPython = ProcessInfo.processInfo.environment["PROCMOD_JUNIT_PYTHON"] ?? "/tmp/procmod-oracles/bin/python"

    @Test(.enabled(if: pythonImports(junitPython, "junitparser") && pythonImports(junitPython, "xunitparser")))
    func junitReadersAgree() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("junit.xml").path
        let r = try TestSupport.runProcmod(["check", "--suite", "examples/suites/reform-2026.xml", "--cases", "200", "--replications", "3",
                                            "--inconclusive", "pass", "--junit", junit, "examples/after/"])
        #expect(r.status == 1)
        let (status, data) = try TestSupport.runOracle(Self.junitPython, "junit_check.py", [junit])
        #expect(status == 0)
        let out = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        let a = try #require(out["junitparser"]), b = try #require(out["xunitparser"])
        #expect(a["tests"] as? Int == b["tests"] as? Int && a["failures"] as? Int == b["failures"] as? Int)
        #expect((a["tests"] as? Int ?? 0) > 0 && (a["failures"] as? Int ?? 0) > 0)
        #expect((a["classnames"] as? [String] ?? []).allSatisfy { $0.hasPrefix("examples.after.") })
        #expect((a["files"] as? [String] ?? []).allSatisfy { $0.hasPrefix("examples/after/") && $0.hasSuffix(".xml") })
    }

    /// A mistyped rule id gets a suggestion; completion scripts offer rule ids and XML files.
    @Test func helpAndCompletionGuide() throws {
        let r = try TestSupport.runProcmod(["rules", "certifed-copy"])
        #expect(r.status == 64 && r.stderr.contains("did you mean 'certified-copy'?"))
        let command = try TestSupport.runProcmod(["reprot", "procedures/passport.xml"])
        #expect(command.status == 64 && command.stderr.contains("unknown command 'reprot' (did you mean 'report'?)"))
        let bash = try TestSupport.runProcmod(["--generate-completion-script", "bash"])
        #expect(bash.stdout.contains("once-only") && bash.stdout.contains("xml"))
        // Every example in every command's help fits a line of 80 columns, so copying one runs it whole.
        for command in ["report", "diagram", "export", "import", "cost", "analyze", "check", "simulate", "digitize", "compare"] {
            let help = try TestSupport.runProcmod([command, "--help"], environment: ["NO_COLOR": "1", "COLUMNS": "80"]).stdout
            let examples = help.components(separatedBy: "Examples:").dropFirst().first?.components(separatedBy: "USAGE:").first ?? ""
            for line in examples.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
                #expect(line.hasPrefix("  procmod ") || line.hasPrefix("  ("), "\(command): an example wrapped: \(line)")
            }
        }
    }

    @Test func validateSkipsOtherXMLInFolders() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: TestSupport.path("procedures/passport.xml"), toPath: directory.appendingPathComponent("passport.xml").path)
        try "<project><modelVersion>4.0.0</modelVersion></project>".write(to: directory.appendingPathComponent("pom.xml"), atomically: true, encoding: .utf8)
        let r = try TestSupport.runProcmod(["validate", directory.path])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("1 file checked: 1 valid (0 errors, 0 warnings); 1 other XML file skipped (not procmod files)"))
        // Named on the command line, it is checked, and refused with a clear error.
        let named = try TestSupport.runProcmod(["validate", directory.appendingPathComponent("pom.xml").path])
        #expect(named.status == 65 && named.stdout.contains("the root element is <project>"))
    }

    @Test func disablingTheErrorRulesExitsZero() throws {
        let r = try TestSupport.runProcmod(["analyze", "--disable", "obsolete-document", "procedures/judicial-record.xml"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("[obsolete-document]"))
    }

    @Test func strictPresetRaisesWarnings() throws {
        let r = try TestSupport.runProcmod(["analyze", "--preset", "strict", "--disable", "obsolete-document",
                                            "procedures/birth-registration.xml"])
        #expect(r.status == 1)
        #expect(r.stdout.contains(": error: step 'mail' requires a certified copy"))
    }

    @Test func unknownRuleIsAUsageError() throws {
        let r = try TestSupport.runProcmod(["analyze", "--disable", "no-such-rule", "procedures"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown rule 'no-such-rule'"))
    }

    @Test func sarifIsValidJSONWithEveryRule() throws {
        let r = try TestSupport.runProcmod(["analyze", "--format", "sarif", "procedures"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        #expect((rules?.count ?? 0) >= 25)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        let first = try #require(results.first)
        let location = ((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location?["region"] as? [String: Int])?["startLine"] ?? 0 > 0)
    }

    @Test func markdownAndJSONAreStable() throws {
        for format in ["markdown", "json"] {
            let a = try TestSupport.runProcmod(["analyze", "--format", format, "procedures"])
            let b = try TestSupport.runProcmod(["analyze", "--format", format, "procedures"])
            #expect(a.stdout == b.stdout && !a.stdout.isEmpty)
        }
    }

    @Test func rulesListsAndExplains() throws {
        let list = try TestSupport.runProcmod(["rules"])
        #expect(list.stdout.split(separator: "\n").count >= 25)
        let one = try TestSupport.runProcmod(["rules", "certified-copy"])
        #expect(one.stdout.hasPrefix("certified-copy: Certified copy required\n"))
        #expect(one.stdout.contains("Decree 23/2015/NĐ-CP, Art. 6"))
        let markdown = try TestSupport.runProcmod(["rules", "--markdown"])
        #expect(markdown.stdout == (try String(contentsOfFile: TestSupport.path("docs/rules.md"), encoding: .utf8)))
    }
}

/// `procmod simulate` end to end.
@Suite struct SimulateCLITests {
    @Test func textReportWithConfidenceIntervals() throws {
        let r = try TestSupport.runProcmod(["simulate", "--cases", "300", "--replications", "4", "procedures/passport.xml"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("4 replications of 300 cases each, seed 1, from 2026-01-05; means with 95% confidence intervals"))
        #expect(r.stdout.contains("lead time, working days"))
        #expect(r.stdout.contains("on time (deadline 8 working days)"))
        #expect(r.stderr.isEmpty, "no progress bar when standard error is not a terminal")
        // The same in Vietnamese: labels, names and numbers as Vietnamese writes them.
        let vi = try TestSupport.runProcmod(["simulate", "--cases", "300", "--replications", "4", "--lang", "vi", "procedures/passport.xml"])
        #expect(vi.stdout.contains("4 lần lặp, mỗi lần 300 hồ sơ, giá trị khởi tạo ngẫu nhiên (seed) 1, từ ngày 05/01/2026"))
        #expect(vi.stdout.contains("đúng hạn (thời hạn 8 ngày làm việc)") && vi.stdout.contains("Lãnh đạo phòng"))
    }

    @Test func jsonIsByteStableAndThreadIndependent() throws {
        let args = ["simulate", "--cases", "200", "--replications", "4", "--seed", "9", "--format", "json", "procedures/building-permit.xml"]
        let a = try TestSupport.runProcmod(args + ["--threads", "1"])
        let b = try TestSupport.runProcmod(args + ["--threads", "3"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        let kpis = try #require(report["kpis"] as? [String: [String: Double]])
        #expect(kpis["leadTimeWorkingDays"]?["replications"] == 4)
    }

    @Test func eventLogIsWritten() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("log.csv").path
        let r = try TestSupport.runProcmod(["simulate", "--cases", "5", "--replications", "1", "--event-log", log,
                                            "procedures/marriage-registration.xml"])
        #expect(r.status == 0)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.hasPrefix("case_id,activity,activity_name,resource,lifecycle,enabled,start,end\n0,prepare,Điền tờ khai,couple,work,2026-01-"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try TestSupport.runProcmod(["simulate", "--cases", "10", "--horizon", "5", "procedures/passport.xml"]).status == 64)
        #expect(try TestSupport.runProcmod(["simulate", "--replications", "0", "procedures/passport.xml"]).status == 64)
        #expect(try TestSupport.runProcmod(["simulate", "no-such.xml"]).status == 65)
    }
}

/// `procmod digitize`, `compare` and `report` end to end.
@Suite struct ReportCLITests {
    @Test func committedAfterModelsAreWhatDigitizeWritesToday() throws {
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("examples/scenarios"))
            .filter { $0.hasSuffix(".xml") }.sorted()
        #expect(scenarios.count >= 9)
        let procedures = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("procedures")).filter { $0.hasSuffix(".xml") }
        for scenario in scenarios {
            let text = try String(contentsOfFile: TestSupport.path("examples/scenarios/" + scenario), encoding: .utf8)
            let code = try #require(text.firstMatch(of: try Regex("procedure=\"([^\"]+)\""))?.output[1].substring)
            let procedure = try #require(procedures.first {
                (try? String(contentsOfFile: TestSupport.path("procedures/" + $0), encoding: .utf8))?.contains("code=\"\(code)\"") ?? false
            })
            let r = try TestSupport.runProcmod(["digitize", "procedures/" + procedure, "--scenario", "examples/scenarios/" + scenario])
            #expect(r.status == 0, "\(scenario): \(r.stderr)")
            let committed = try String(contentsOfFile: TestSupport.path("examples/after/" + scenario), encoding: .utf8)
            #expect(r.stdout == committed, "examples/after/\(scenario) is stale: run bash examples/regenerate.sh")
        }
    }

    @Test func digitizeNeverOverwritesItsInput() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let procedure = directory.appendingPathComponent("passport.xml").path
        try FileManager.default.copyItem(atPath: TestSupport.path("procedures/passport.xml"), toPath: procedure)
        let r = try TestSupport.runProcmod(["digitize", procedure, "--scenario", "examples/scenarios/passport-post.xml",
                                            "-o", procedure])
        #expect(r.status == 64)
        #expect(r.stderr.contains("never overwrites its input"))
    }

    @Test func reportAndCheckNeverOverwriteTheirInputs() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let procedure = directory.appendingPathComponent("passport.xml").path
        let scenario = directory.appendingPathComponent("passport-post.xml").path
        try FileManager.default.copyItem(atPath: TestSupport.path("procedures/passport.xml"), toPath: procedure)
        try FileManager.default.copyItem(atPath: TestSupport.path("examples/scenarios/passport-post.xml"), toPath: scenario)
        let originals = try [procedure, scenario].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }

        let report = try TestSupport.runProcmod(["report", procedure, "--scenario", scenario, "--no-simulation", "-o", scenario])
        #expect(report.status == 64)
        #expect(report.stderr.contains("never overwrites its input"))
        let check = try TestSupport.runProcmod(["check", procedure, "--junit", procedure])
        #expect(check.status == 64)
        #expect(try [procedure, scenario].map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == originals)
    }

    @Test func anOutputThatCannotBeWrittenSaysWhy() throws {
        let r = try TestSupport.runProcmod(["report", "procedures/passport.xml", "--scenario", "examples/scenarios/passport-post.xml",
                                            "--no-simulation", "-o", "/nonexistent-procmod-directory/report.md"])
        #expect(r.status == 73)
        #expect(r.stderr.contains("cannot write /nonexistent-procmod-directory/report.md: the directory "
                                  + "/nonexistent-procmod-directory does not exist"))
    }

    @Test func digitizeWritesAtomicallyWithOutput() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("after.xml").path
        let r = try TestSupport.runProcmod(["digitize", "procedures/passport.xml", "--scenario", "examples/scenarios/passport-post.xml",
                                            "-o", out])
        #expect(r.status == 0 && r.stderr.contains("\nwrote "))
        // What each channel's cases go through, before and after, so a wrong rewiring shows.
        #expect(r.stderr.hasPrefix("paths per channel"))
        #expect(r.stderr.contains("  channel 'in-person', 100% of cases\n    before: photo → travel"), "\(r.stderr)")
        #expect(try TestSupport.runProcmod(["validate", out]).status == 0)
    }

    @Test func aScenarioForAnotherProcedureIsRefused() throws {
        let r = try TestSupport.runProcmod(["digitize", "procedures/passport.xml", "--scenario", "examples/scenarios/judicial-record-vneid.xml"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("error: the scenario is for procedure judicial-record, not 1.001456 [scenario]"))
    }

    @Test func reportInEveryFormat() throws {
        for format in ["text", "markdown", "json", "html"] {
            let r = try TestSupport.runProcmod(["report", "--format", format, "--cases", "200", "--replications", "3",
                                                "procedures/passport.xml", "--scenario", "examples/scenarios/passport-post.xml"])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            #expect(!r.stdout.isEmpty)
        }
        let vi = try TestSupport.runProcmod(["report", "--lang", "vi", "--no-simulation", "procedures/passport.xml",
                                             "--scenario", "examples/scenarios/passport-post.xml"])
        #expect(vi.stdout.contains("Số lần người dân đến cơ quan"))
    }

    @Test func compareTwoFiles() throws {
        let r = try TestSupport.runProcmod(["compare", "--no-simulation", "procedures/birth-registration.xml",
                                            "examples/after/birth-registration-2024.xml"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Applicant visits"))
    }
}

/// `procmod check` end to end.
@Suite struct CheckCLITests {
    @Test func failingPromisesExitOneAndWriteJUnit() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("junit.xml").path
        let args = ["check", "--suite", "examples/suites/reform-2026.xml", "--cases", "300", "--replications", "3",
                    "--junit", junit, "examples/after/"]
        let r = try TestSupport.runProcmod(args)
        #expect(r.status == 1)
        #expect(r.stdout.contains("examples/suites/reform-2026.xml:10:5: fail: at most one visit to an office — 2 applicant visits per case (at most 1)  [1.013978]"))
        #expect(r.stdout.split(separator: "\n").last?.hasPrefix("45 invariant results on 9 procedures:") == true)
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.contains("<testsuites>") && xml.contains("classname=\"examples.after.land-use-certificate-axis\"")
                && xml.contains("file=\"examples/after/land-use-certificate-axis.xml\""))
        // A gate that checks nothing fails, unless asked not to.
        let empty = try TestSupport.runProcmod(["check", "procedures/passport.xml"])
        #expect(empty.status == 1 && empty.stderr.contains("nothing was checked"))
        #expect(try TestSupport.runProcmod(["check", "--allow-empty", "procedures/passport.xml"]).status == 0)
        let again = try TestSupport.runProcmod(args)
        #expect(try String(contentsOfFile: junit, encoding: .utf8) == xml, "JUnit output is byte-stable")
        #expect(again.stdout == r.stdout)
    }

    @Test func invariantsInsideAProcedurePointAtTheModel() throws {
        let r = try TestSupport.runProcmod(["check", "--cases", "300", "--replications", "3", "examples/every-construct.xml"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("examples/every-construct.xml:213:5: fail: no-certified-copies — certified copies: 'earlier-result' at examples/every-construct.xml:110:7  [X.000001]"))
        #expect(r.stdout.hasSuffix("11 invariant results on 1 procedure: 7 passed, 4 failed, 0 inconclusive\n"))
    }

    @Test func keptPromisesExitZero() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let suite = directory.appendingPathComponent("suite.xml")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <suite xmlns="urn:procmod:suite:1"><applies field="judicial-records"/>
          <invariants><max-visits value="1"/><once-only registers="population"/><no-certified-copies/></invariants></suite>
        """.write(to: suite, atomically: true, encoding: .utf8)
        let r = try TestSupport.runProcmod(["check", "--suite", suite.path, "examples/after/"])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.hasSuffix("3 invariant results on 1 procedure: 3 passed, 0 failed, 0 inconclusive\n"))
    }

    @Test func inconclusiveCanBeAllowed() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let suite = directory.appendingPathComponent("suite.xml")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <suite xmlns="urn:procmod:suite:1"><invariants><on-time-share min="0.31"/></invariants></suite>
        """.write(to: suite, atomically: true, encoding: .utf8)
        // The digitized land registration keeps 31% ± 1% of cases within its 20 working days (seed 1): a
        // bound of 31% lies inside the interval.
        let base = ["check", "--suite", suite.path, "--cases", "2000", "--replications", "10", "examples/after/land-use-certificate-axis.xml"]
        let strict = try TestSupport.runProcmod(base)
        #expect(strict.stdout.contains(": inconclusive: on-time-share ≥ 31%"), "\(strict.stdout)")
        #expect(strict.status == 1)
        #expect(try TestSupport.runProcmod(base + ["--inconclusive", "pass"]).status == 0)
    }
}

/// The event logs read by PM4Py, an independent process-mining library (Tests/oracles/pm4py_eventlog.py):
/// same cases and activities in CSV and XES, every case replays on the net PM4Py discovers, and the
/// waits rebuilt from the logs equal the simulator's. Runs when the Python named by PROCMOD_PM4PY_PYTHON
/// (default `python3`) imports pm4py; skipped otherwise (docs/simulation.md says how to install it).
@Suite struct PM4PyOracleTests {
    static let python = ProcessInfo.processInfo.environment["PROCMOD_PM4PY_PYTHON"] ?? "/usr/bin/python3"

    static let available = pythonImports(python, "pm4py")

    @Test(.enabled(if: available), arguments: ["birth-registration", "land-use-certificate", "enterprise-registration"])
    func pm4pyReadsBothLogsAndRebuildsTheWaits(_ name: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("log.csv").path, xes = directory.appendingPathComponent("log.xes").path
        let base = ["simulate", "--cases", "500", "--replications", "1", "--seed", "5", "procedures/\(name).xml"]
        let json = try TestSupport.runProcmod(base + ["--format", "json", "--event-log", csv])
        #expect(json.status == 0)
        let report = directory.appendingPathComponent("report.json")
        try json.stdout.write(to: report, atomically: true, encoding: .utf8)
        #expect(try TestSupport.runProcmod(base + ["--event-log", xes]).status == 0)
        let (status, output) = try TestSupport.runOracle(Self.python, "pm4py_eventlog.py", [csv, xes, report.path])
        #expect(status == 0, "\(String(decoding: output, as: UTF8.self))")
    }
}

/// The plan and the cost forms as a workbook, read back by openpyxl, an independent reader
/// (Tests/oracles/openpyxl_workbook.py). Runs when the Python named by PROCMOD_OPENPYXL_PYTHON (default
/// `python3`) imports openpyxl; the file's signature and the CLI's refusals are checked always.
@Suite struct SpreadsheetTests {
    static let python = ProcessInfo.processInfo.environment["PROCMOD_OPENPYXL_PYTHON"] ?? "/usr/bin/python3"

    static let available = pythonImports(python, "openpyxl")

    static func workbook(_ arguments: [String], in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("plan.xlsx").path
        let r = try TestSupport.runProcmod(arguments + ["-o", path])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "an .xlsx is a zip archive")
        return path
    }

    @Test func aWorkbookNeedsAFileAndIsWrittenAtomically() throws {
        let r = try TestSupport.runProcmod(["cost", "--format", "xlsx", "procedures/passport.xml"])
        #expect(r.status == 64 && r.stderr.contains("give a file with -o"))
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Self.workbook(["report", "--format", "xlsx", "procedures/passport.xml", "--scenario", "examples/scenarios/passport-post.xml"],
                              in: directory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["plan.xlsx"], "no temporary file left")
        let csv = try TestSupport.runProcmod(["report", "--format", "csv", "procedures/passport.xml", "--scenario", "examples/scenarios/passport-post.xml"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("code,version,activity,") == true)
        #expect(lines.contains { $0.hasPrefix("1.001456,before,") } && lines.contains { $0.hasPrefix("1.001456,after,") })
    }

    @Test(.enabled(if: available))
    func openpyxlReadsThePlanAndTheFormsWithNumbersAsNumbers() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.workbook(["cost", "--format", "xlsx", "--lang", "vi", "procedures/birth-registration.xml",
                                      "--scenario", "examples/scenarios/birth-registration-2024.xml"], in: directory)
        let (status, data) = try TestSupport.runOracle(Self.python, "openpyxl_workbook.py", [path])
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["sheets"] as? [String] == ["Phương án đơn giản hóa", "Chi phí trước", "Chi phí sau"])
        let rows = try #require(object["rows"] as? [String: [[[String: Any]]]])
        // The cost form's total row: the cost per case is a number, and it is the compliance cost.
        let before = try #require(rows["Chi phí trước"])
        let total = try #require(before.first { ($0.first?["value"] as? String) == "Tổng cộng" })
        #expect(total[6]["type"] as? String == "int" || total[6]["type"] as? String == "float")
        let json = try TestSupport.runProcmod(["cost", "--format", "json", "procedures/birth-registration.xml"])
        let form = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let perCase = try #require((form["before"] as? [String: Any])?["perCaseVND"] as? Double)
        #expect(abs((total[6]["value"] as? Double ?? 0) - perCase.rounded()) < 0.5)
        // The plan: one row per change, with its reason and the cut as a number (a share).
        let plan = try #require(rows["Phương án đơn giản hóa"])
        #expect(plan.contains { ($0.first?["value"] as? String) == "STT" || ($0.dropFirst().first?["value"] as? String) == "Nội dung đơn giản hóa" })
        let cut = try #require(plan.first { ($0.dropFirst().first?["value"] as? String) == "Tỷ lệ cắt giảm chi phí" })
        let share = try #require(cut[2]["value"] as? Double)
        #expect(share > 0.2 && share < 0.4, "cut \(share)")
    }

    /// The portfolio of a catalogue as a workbook: procedures in ranking order, totals equal to the JSON report's.
    @Test(.enabled(if: available))
    func openpyxlReadsThePortfolioInRankingOrderWithTheJSONTotals() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = ["report", "examples/catalogue/commune.xml", "--replications", "3", "--lang", "vi"]
        let missing = try TestSupport.runProcmod(run + ["--format", "xlsx"])
        #expect(missing.status == 64 && missing.stderr.contains("give a file with -o"))
        let path = try Self.workbook(run + ["--format", "xlsx"], in: directory)
        let (status, data) = try TestSupport.runOracle(Self.python, "openpyxl_workbook.py", [path])
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["sheets"] as? [String] == ["Danh mục thủ tục", "Tổng cộng danh mục", "Nguồn lực dùng chung"])
        let rows = try #require(object["rows"] as? [String: [[[String: Any]]]])
        let json = try TestSupport.runProcmod(run + ["--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ranking = try #require(report["ranking"] as? [String])
        let codes = try #require(rows["Danh mục thủ tục"]).compactMap { row -> String? in
            guard row.count > 1, row[0]["type"] as? String == "int" else { return nil }
            return row[1]["value"] as? String
        }
        #expect(codes == ranking)
        let totals = try #require(report["totals"] as? [String: Any])
        let cost = try #require(totals["costPerYear"] as? [String: Double])
        let row = try #require(rows["Tổng cộng danh mục"]?.first { ($0.first?["value"] as? String) == "Chi phí tuân thủ mỗi năm (đồng)" })
        #expect(abs((row[1]["value"] as? Double ?? 0) - cost["before", default: -1]) < 1)
        #expect(abs((row[2]["value"] as? Double ?? 0) - cost["after", default: -1]) < 1)
        #expect(row[3]["value"] as? Double ?? 0 > 0.2, "the cut is a share")
    }
}

/// JSON as a contract (issue 13 §4): every document says its version and kind, and carries no
/// compiler-generated keys.
@Suite struct JSONContractTests {
    @Test(arguments: [
        (["analyze", "--format", "json", "procedures/passport.xml"], "analysis"),
        (["validate", "--format", "json", "procedures/passport.xml"], "validation"),
        (["show", "--format", "json", "procedures/passport.xml"], "procedure"),
        (["cost", "--format", "json", "procedures/passport.xml"], "cost-form"),
        (["simulate", "--cases", "100", "--replications", "2", "--format", "json", "procedures/passport.xml"], "simulation"),
        (["compare", "--no-simulation", "--format", "json", "procedures/passport.xml", "examples/after/passport-post.xml"], "comparison"),
    ])
    func everyDocumentSaysItsVersionAndKind(_ arguments: [String], _ kind: String) throws {
        let r = try TestSupport.runProcmod(arguments)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r.stderr)")
        #expect(object["formatVersion"] as? Int == 1)
        #expect(object["document"] as? String == kind)
        #expect(!r.stdout.contains("\"_0\""), "compiler-generated keys")
    }
}

/// One default language for every command (issue 13): PROCMOD_LANG, else the locale, else English.
@Suite struct LanguageDefaultTests {
    @Test func theDefaultFollowsProcmodLangThenTheLocale() throws {
        let english = try TestSupport.runProcmod(["show", "procedures/passport.xml"])
        #expect(english.stdout.hasPrefix("1.001456  Ordinary passport"))
        let vietnamese = try TestSupport.runProcmod(["show", "procedures/passport.xml"], environment: ["NO_COLOR": "1", "PROCMOD_LANG": "vi"])
        #expect(vietnamese.stdout.hasPrefix("1.001456  Cấp hộ chiếu"))
        let locale = try TestSupport.runProcmod(["cost", "procedures/passport.xml"], environment: ["NO_COLOR": "1", "LANG": "vi_VN.UTF-8"])
        #expect(locale.stdout.hasPrefix("Chi phí tuân thủ thủ tục hành chính"))
    }
}

/// True when the Python at `python` imports `module`: an oracle test runs only where its library is.
func pythonImports(_ python: String, _ module: String) -> Bool {
    guard FileManager.default.isExecutableFile(atPath: python) else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", "import \(module)"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}
