import ArgumentParser
import Foundation
import ProcmodCatalogue
import ProcmodLoader
import ProcmodModel

/// What the catalogue generator takes.
struct CatalogueOptions: ParsableArguments {
    @Option(help: "Procedures in the province's catalogue.")
    var procedures = 1_800

    @Option(help: "The generator's seed.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (3...100_000).contains(procedures) else { throw ValidationError("--procedures is 3 to 100000") }
    }
}

/// `procmod-bench generate`: writes a synthetic province catalogue (docs/scale.md).
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a synthetic province catalogue (docs/scale.md).")

    @OptionGroup var catalogue: CatalogueOptions

    @Option(help: ArgumentHelp("Folder to write it in.", valueName: "dir"))
    var out: String

    func run() throws {
        try guarded { () throws(BenchError) in _ = try generateCatalogue(catalogue, into: out) }
    }
}

/// `procmod-bench catalogue`: generates the catalogue in a temporary folder and times procmod on it.
struct CatalogueBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "catalogue",
                                                    abstract: "Time analyze, joint simulation and shards on a generated province catalogue.")

    @OptionGroup var catalogue: CatalogueOptions

    @Option(help: "Replications of the joint simulation.")
    var replications = 30

    @Option(help: "Runs per case (the median is reported).")
    var runs = 3

    func validate() throws {
        guard (2...1_000).contains(replications) else { throw ValidationError("--replications is 2 to 1000") }
        guard (1...100).contains(runs) else { throw ValidationError("--runs is 1 to 100") }
    }

    func run() throws {
        try guarded { () throws(BenchError) in
            let procmod = try Tools.requireProcmod()
            let scratch = try Scratch("catalogue")
            let generated = try generateCatalogue(catalogue, into: scratch.folder)
            try measure(procmod, folder: scratch.folder, generated: generated)
        }
    }

    func measure(_ procmod: String, folder: String, generated: [CatalogueGenerator.Generated]) throws(BenchError) {
        let scratch = try Scratch("catalogue-runs")
        func median(_ argv: [String], runs: Int, allow: Set<Int32> = [0]) throws(BenchError) -> ChildRun {
            var samples: [ChildRun] = []
            for _ in 0..<runs {
                let run = try PairedRuns.run(Timed(label: "procmod", argv: [procmod] + argv, success: allow), scratch: scratch)
                samples.append(run)
            }
            return samples.sorted { $0.wallSeconds < $1.wallSeconds }[samples.count / 2]
        }
        func row(_ what: String, _ r: ChildRun, target: String) {
            print(pad(what, 62) + String(format: "%8.2f s %8.2f s %7.0f MiB   ", r.wallSeconds, r.userSeconds + r.systemSeconds, r.peakMiB) + target)
        }
        print(pad("case (median of \(runs) whole-process runs)", 62) + "    wall       cpu        peak    target")
        let analyze = try median(["analyze", "--exit-zero", folder + "/commune", folder + "/district", folder + "/province"],
                                 runs: runs, allow: [0, 1])
        row("analyze the whole catalogue (\(generated.count) procedures)", analyze, target: "< 10 s")
        let communeCount = generated.filter { $0.level == .commune }.count
        let joint = try median(["simulate", folder + "/commune.xml", "--replications", "\(replications)"], runs: runs)
        row("simulate one commune (\(communeCount) procedures), 1 year × \(replications)", joint, target: "< 60 s")
        let provinceCount = generated.filter { $0.level == .province }.count
        let oneYear = try median(["simulate", folder + "/province.xml", "--replications", "2", "--threads", "1"], runs: 1)
        let fourYears = try median(["simulate", folder + "/province.xml", "--replications", "2", "--threads", "1", "--horizon", "1460"], runs: 1)
        row("simulate the province level (\(provinceCount) procedures), 1 year × 2, 1 thread", oneYear, target: "")
        row("simulate the province level, 4 years × 2, 1 thread", fourYears, target: "peak flat")
        let part = folder + "/part.json"
        let shard = try median(["simulate", folder + "/commune.xml", "--replications", "\(replications)", "--shard", "1/10", "-o", part],
                               runs: runs)
        row("one shard of 10 (\(Int((Double(replications) / 10).rounded(.up))) replications)", shard, target: "")
        try? FileManager.default.removeItem(atPath: part)
        print(String(format: "memory: 4 years of cases peak at %.2f× the 1-year peak", fourYears.peakMiB / max(oneYear.peakMiB, 1)))
    }
}

/// Generates the catalogue into `folder`: the procedures of each level and commune.xml, district.xml, province.xml.
func generateCatalogue(_ options: CatalogueOptions, into folder: String) throws(BenchError) -> [CatalogueGenerator.Generated] {
    let root = Tools.root
    let generator = CatalogueGenerator(procedures: options.procedures, seed: options.seed)
    let generated: [CatalogueGenerator.Generated]
    do {
        generated = generator.generate(try CatalogueGenerator.templates(folder: root.appendingPathComponent("procedures").path))
        for level in ["commune", "district", "province"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + level, withIntermediateDirectories: true)
        }
        for g in generated { try g.text.write(toFile: folder + "/" + g.file, atomically: true, encoding: .utf8) }
        // One site of each level; yearly totals for a province of 100 communes and 10 districts.
        for (level, sites) in [(AdministrativeLevel.commune, 100.0), (.district, 10), (.province, 1)] {
            let text = CatalogueWriter().write(generator.catalogue(level, generated: generated.filter { $0.level == level }, sites: sites))
            try text.write(toFile: folder + "/\(level.rawValue).xml", atomically: true, encoding: .utf8)
        }
    } catch {
        throw BenchError("cannot generate the catalogue: \(error)")
    }
    let counts = generator.counts().map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
    print("generated \(generated.count) procedures (\(counts)) and commune.xml, district.xml, province.xml in \(folder)")
    let volumes = generated.filter { $0.level == .province }.compactMap(\.entry.perYear).sorted(by: >)
    let total = volumes.reduce(0, +)
    let tenth = volumes.prefix(max(1, volumes.count / 10)).reduce(0, +)
    print("long tail: the top 10% of province procedures carry \(Int((tenth / max(total, 1) * 100).rounded()))% of the province's dossiers")
    return generated
}
