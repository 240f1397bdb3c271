import ArgumentParser
import Foundation
import ProcmodLoader

/// `procmod-bench load`: `procmod validate` against libxml2's own floor, `xmllint --schema`.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a generated large procedure and a folder of procedures: procmod against xmllint --schema.")

    @Option(help: "Steps of the generated procedure.")
    var steps = 10_000

    @Option(help: "Procedures in the folder (copies of procedures/).")
    var files = 1_000

    @OptionGroup var pairs: PairOptions

    func validate() throws {
        guard (1...1_000_000).contains(steps) else { throw ValidationError("--steps is 1 to 1000000") }
        guard (1...100_000).contains(files) else { throw ValidationError("--files is 1 to 100000") }
    }

    func run() throws {
        try guarded { () throws(BenchError) in
            let procmod = try Tools.requireProcmod(pairs.procmod)
            guard let xmllint = Tools.onPath("xmllint") else { Tools.skip("xmllint", "loading against xmllint"); return }
            let scratch = try Scratch("load")
            let schema = try scratch.write(ProcedureSchema.text, to: "procedure-1.xsd")
            let big = try scratch.write(GeneratedProcedure.xml(steps: steps), to: "big.xml")
            let folder = scratch.path("folder")
            let shipped = ProcedureFiles.expand([Tools.root.appendingPathComponent("procedures").path])
            guard !shipped.isEmpty else { throw BenchError("no procedures in \(Tools.root.path)/procedures") }
            var copies: [String] = []
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for i in 0..<files {
                    let target = folder + String(format: "/p%05d.xml", i)
                    try FileManager.default.copyItem(atPath: shipped[i % shipped.count], toPath: target)
                    copies.append(target)
                }
            } catch { throw BenchError("cannot fill \(folder): \(error.localizedDescription)") }
            let size = (try? FileManager.default.attributesOfItem(atPath: big)[.size] as? NSNumber)?.intValue ?? 0
            print("procmod-bench load: whole process, \(pairs.runs) pairs (xmllint, procmod) after \(pairs.warmup) warm-up pairs, "
                  + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
            print("| case | xmllint --noout --schema | procmod validate | procmod ÷ xmllint, median (min–max) | CPU xmllint / procmod | CPU ÷, median (min–max) | peak MiB xmllint / procmod |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            let cases: [(String, [String], [String])] = [
                (String(format: "one procedure, %d steps (%.1f MB)", steps, Double(size) / 1e6), [big], [big]),
                ("folder of \(files) procedures", copies, [folder]),
            ]
            for (name, xmllintFiles, procmodFiles) in cases {
                let r = try PairedRuns.measure(
                    Timed(label: "xmllint", argv: [xmllint, "--noout", "--nonet", "--schema", schema] + xmllintFiles),
                    Timed(label: "procmod validate", argv: [procmod, "validate", "--quiet"] + procmodFiles),
                    runs: pairs.runs, warmup: pairs.warmup, scratch: scratch)
                print("| \(name) | \(seconds(r.wallA.median)) | \(seconds(r.wallB.median)) | \(ratio(r.ratios)) | "
                      + "\(seconds(r.cpuA.median)) / \(seconds(r.cpuB.median)) | \(ratio(r.cpuRatios)) | "
                      + "\(peakText(r.peakA)) / \(peakText(r.peakB)) |")
            }
        }
    }
}

/// The generated procedure of the load and analyze benchmarks.
enum GeneratedProcedure {
    /// A procedure with `steps` steps: a probabilistic choice every 20 steps, documents required and produced.
    static func xml(steps: Int) -> String {
        var flow = ""
        for i in 0..<steps {
            let actor = ["applicant", "desk", "office", "signer"][i % 4]
            flow += """
                <step id="s\(i)" kind="verify" actor="\(actor)" name="Bước \(i)" name-en="Step \(i)">
                  <work unit="minutes"><triangular min="5" mode="10" max="\(20 + i % 7)"/></work>
                  <requires document="d\(i % 50)" form="copy"/>
                </step>

            """
            if i % 20 == 19 && i + 1 < steps {
                flow += """
                    <choice id="c\(i)"><branch to="s\(i + 1)" probability="0.9"/><branch to="s\(i - 5)" probability="0.1" loop="rework" max="2"/></choice>

                """
            }
        }
        let documents = (0..<50).map { "    <document id=\"d\($0)\" kind=\"evidence\" medium=\"paper\" pages=\"2\"/>" }
            .joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <procedure xmlns="urn:procmod:procedure:1" code="BENCH" name="Thủ tục thử" name-en="Benchmark" level="province">
          <volume per-year="100000"/>
          <result document="result"/>
          <channels><channel id="in-person" kind="in-person" share="1"/></channels>
          <calendars><calendar id="office"><hours days="mon tue wed thu fri" from="08:00" to="17:00"/></calendar></calendars>
          <actors>
            <actor id="applicant" kind="applicant" capacity="unlimited"/>
            <actor id="desk" kind="reception-desk" capacity="2" calendar="office"/>
            <actor id="office" kind="specialist-office" capacity="4" calendar="office"/>
            <actor id="signer" kind="signer" capacity="1" calendar="office"/>
          </actors>
          <documents>
        \(documents)
            <document id="result" kind="result" medium="paper"/>
          </documents>
          <flow>
        \(flow)    <step id="issue" kind="sign" actor="signer"><produces document="result" medium="paper"/></step>
            <end id="done"/>
          </flow>
        </procedure>

        """
    }
}
