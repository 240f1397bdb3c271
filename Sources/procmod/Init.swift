import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProcmodModel
import ProcmodOutput

extension Procmod {
    /// `procmod init`: a starter procedure and a `.procmod.json` for a new repository of procedures.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Start a repository of procedures: a commented starter procedure and a .procmod.json.",
            discussion: """
                Writes procedure.xml (a small valid procedure to copy from; docs/dsl.md has every
                element) and .procmod.json (the team's language and analyzer settings; see
                docs/configuration.md) into the folder. Existing files are never replaced.

                Examples:
                  procmod init
                  procmod init my-procedures --lang en
                """
        )

        @Argument(help: ArgumentHelp("The folder to write into (created if missing).", valueName: "folder"), completion: .directory)
        var folder = "."

        @Option(help: "The team's language for reports: vi or en.")
        var lang: Language = .vi

        func run() throws {
            do throws(OutputError) { try OutputFolder.create(folder) } catch { throw CLIError(error) }
            let files = [(folder + "/procedure.xml", Self.procedure), (folder + "/" + ProjectConfig.fileName, Self.config(lang))]
            let existing = files.map(\.0).filter { FileManager.default.fileExists(atPath: $0) }
            guard existing.isEmpty else {
                throw CLIError.cannotWrite("\(existing.joined(separator: " and ")) already exist\(existing.count == 1 ? "s" : ""): "
                                           + "init never replaces a file; choose another folder")
            }
            for (path, text) in files { try Terminal.save(text, to: path, inputs: [], force: false) }
            Terminal.err("wrote \(files.map(\.0).joined(separator: " and ")); next: procmod validate \(folder)/procedure.xml")
        }

        static func config(_ lang: Language) -> String {
            """
            {
              "lang": "\(lang.rawValue)",
              "analyze": {
                "preset": "recommended",
                "rules": {},
                "highUtilisation": 0.85,
                "maxVisits": 1,
                "failOn": "error"
              }
            }

            """
        }

        /// A small procedure that validates, analyses and simulates, with the elements a team writes first.
        static let procedure = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- A starter procedure: replace the code, names, volume, actors, documents and steps with your
                 procedure's (docs/dsl.md has every element; `procmod validate procedure.xml` checks it). -->
            <procedure xmlns="urn:procmod:procedure:1" code="0.000001" name="Thủ tục mẫu" name-en="Starter procedure"
                       level="commune" as-of="2026-01-05">
              <summary>One applicant visit to hand in a form and a copy, review, signature, the result collected.</summary>
              <deadline working-days="3"/>
              <volume per-year="1000" sites="1" assumed="true"/>
              <result document="certificate"/>
              <channels>
                <channel id="in-person" kind="in-person" name="Trực tiếp" name-en="In person" share="1"/>
              </channels>
              <calendars>
                <calendar id="office" extends="vn-public-service" name="Giờ hành chính" name-en="Office hours">
                  <hours days="mon tue wed thu fri" from="07:30" to="11:30"/>
                  <hours days="mon tue wed thu fri" from="13:30" to="17:00"/>
                </calendar>
              </calendars>
              <actors>
                <actor id="applicant" kind="applicant" name="Người dân" name-en="Applicant" capacity="unlimited" tariff="44000"/>
                <actor id="officer" kind="official" name="Công chức" name-en="Officer" capacity="1" calendar="office" assumed="true"/>
                <actor id="chairman" kind="signer" name="Chủ tịch UBND xã" name-en="Commune chairman" capacity="1" calendar="office">
                  <cadence at="16:00"/>
                </actor>
              </actors>
              <documents>
                <document id="form" kind="form" name="Tờ khai" name-en="Application form" medium="paper" pages="1"/>
                <document id="id-card" kind="evidence" name="Căn cước" name-en="Identity card" medium="paper" pages="1"/>
                <document id="certificate" kind="result" name="Giấy chứng nhận" name-en="Certificate" medium="paper" pages="1"/>
              </documents>
              <flow>
                <step id="travel" kind="travel" actor="applicant" name="Đến UBND xã" name-en="Travel to the commune">
                  <work unit="minutes"><triangular min="10" mode="20" max="45"/></work>
                </step>
                <step id="submit" kind="submit" actor="applicant" name="Nộp hồ sơ" name-en="Hand in the dossier">
                  <work unit="minutes"><triangular min="2" mode="5" max="10"/></work>
                  <requires document="form" form="original"/>
                  <requires document="id-card" form="present"/>
                </step>
                <step id="receive" kind="receive" actor="officer" name="Tiếp nhận hồ sơ" name-en="Receive the dossier">
                  <work unit="minutes"><triangular min="5" mode="10" max="20"/></work>
                </step>
                <step id="review" kind="verify" actor="officer" name="Xem xét hồ sơ" name-en="Review">
                  <work unit="minutes"><triangular min="10" mode="20" max="40"/></work>
                </step>
                <step id="sign" kind="sign" actor="chairman" name="Ký giấy chứng nhận" name-en="Sign the certificate">
                  <work unit="minutes"><fixed value="2"/></work>
                  <produces document="certificate" medium="paper"/>
                </step>
                <step id="collect" kind="collect" actor="applicant" name="Nhận kết quả" name-en="Collect the result">
                  <work unit="minutes"><fixed value="5"/></work>
                </step>
                <end id="done"/>
              </flow>
            </procedure>

            """
    }
}
