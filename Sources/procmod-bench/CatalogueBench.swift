import Foundation
import ProcmodCatalogue
import ProcmodLoader
import ProcmodModel

/// `procmod-bench generate|catalogue`: writes a synthetic province catalogue (docs/scale.md) and, for
/// `catalogue`, times procmod on it. Returns the exit status.
///
///     procmod-bench generate --procedures 1800 --seed 1 --out DIR
///     procmod-bench catalogue --procedures 1800 --seed 1 --replications 30 --runs 3
func catalogueBenchmark(_ mode: String, _ arguments: [String]) -> Int32 {
    var procedures = 1_800, seed: UInt64 = 1, replications = 30, runs = 3
    var out: String?
    var rest = arguments[...]
    let usage = "usage: procmod-bench \(mode) [--procedures N] [--seed S] [--replications R] [--runs N] [--out DIR]"
    while let flag = rest.popFirst() {
        guard let value = rest.popFirst() else { print(usage); return 64 }
        switch flag {
        case "--procedures": guard let n = Int(value), n >= 3, n <= 100_000 else { print(usage); return 64 }; procedures = n
        case "--seed": guard let n = UInt64(value) else { print(usage); return 64 }; seed = n
        case "--replications": guard let n = Int(value), n >= 2, n <= 1_000 else { print(usage); return 64 }; replications = n
        case "--runs": guard let n = Int(value), n >= 1, n <= 100 else { print(usage); return 64 }; runs = n
        case "--out": out = value
        default: print(usage); return 64
        }
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = out ?? FileManager.default.temporaryDirectory.appendingPathComponent("procmod-catalogue-\(getpid())").path
    defer { if out == nil { try? FileManager.default.removeItem(atPath: folder) } }
    let generator = CatalogueGenerator(procedures: procedures, seed: seed)
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
        print("procmod-bench: cannot generate the catalogue: \(error)")
        return 73
    }
    let counts = generator.counts().map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
    print("generated \(generated.count) procedures (\(counts)) and commune.xml, district.xml, province.xml in \(folder)")
    let volumes = generated.filter { $0.level == .province }.compactMap(\.entry.perYear).sorted(by: >)
    let total = volumes.reduce(0, +)
    let tenth = volumes.prefix(max(1, volumes.count / 10)).reduce(0, +)
    print("long tail: the top 10% of province procedures carry \(Int((tenth / max(total, 1) * 100).rounded()))% of the province's dossiers")
    guard mode == "catalogue" else { return 0 }

    let procmod = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("procmod").path
    guard FileManager.default.isExecutableFile(atPath: procmod) else {
        print("procmod-bench: \(procmod) is missing: build it first (swift build -c release)")
        return 69
    }
    func median(_ argv: [String], runs: Int, allow: Set<Int32> = [0]) -> ChildRun? {
        var samples: [ChildRun] = []
        for _ in 0..<runs {
            guard let run = spawnAndWait([procmod] + argv) else { print("procmod-bench: cannot run procmod"); return nil }
            guard allow.contains(run.status) else { print("procmod-bench: procmod \(argv.joined(separator: " ")) exited \(run.status)"); return nil }
            samples.append(run)
        }
        return samples.sorted { $0.wallSeconds < $1.wallSeconds }[samples.count / 2]
    }
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    func row(_ what: String, _ r: ChildRun, target: String) {
        print(pad(what, 62) + String(format: "%8.2f s %8.2f s %7.0f MiB   ", r.wallSeconds, r.userSeconds + r.systemSeconds, r.peakMiB) + target)
    }
    print(pad("case (median of \(runs) whole-process runs)", 62) + "    wall       cpu        peak    target")
    guard let analyze = median(["analyze", "--exit-zero", folder + "/commune", folder + "/district", folder + "/province"],
                               runs: runs, allow: [0, 1]) else { return 1 }
    row("analyze the whole catalogue (\(generated.count) procedures)", analyze, target: "< 10 s")
    let communeCount = generated.filter { $0.level == .commune }.count
    guard let joint = median(["simulate", folder + "/commune.xml", "--replications", "\(replications)"], runs: runs) else { return 1 }
    row("simulate one commune (\(communeCount) procedures), 1 year × \(replications)", joint, target: "< 60 s")
    let provinceCount = generated.filter { $0.level == .province }.count
    guard let oneYear = median(["simulate", folder + "/province.xml", "--replications", "2", "--threads", "1"], runs: 1),
          let fourYears = median(["simulate", folder + "/province.xml", "--replications", "2", "--threads", "1", "--horizon", "1460"], runs: 1)
    else { return 1 }
    row("simulate the province level (\(provinceCount) procedures), 1 year × 2, 1 thread", oneYear, target: "")
    row("simulate the province level, 4 years × 2, 1 thread", fourYears, target: "peak flat")
    let part = folder + "/part.json"
    guard let shard = median(["simulate", folder + "/commune.xml", "--replications", "\(replications)", "--shard", "1/10", "-o", part],
                             runs: runs) else { return 1 }
    row("one shard of 10 (\(Int((Double(replications) / 10).rounded(.up))) replications)", shard, target: "")
    try? FileManager.default.removeItem(atPath: part)
    print(String(format: "memory: 4 years of cases peak at %.2f× the 1-year peak", fourYears.peakMiB / max(oneYear.peakMiB, 1)))
    return 0
}
