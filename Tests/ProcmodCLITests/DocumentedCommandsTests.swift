import Foundation
import ProcmodTestSupport
import Testing

/// Every `procmod` command shown in the README and docs/ runs as written (issue 16): each one, in the
/// order the documents give them, in a scratch copy of the repository's procedures and examples, exits
/// 0 (or 1, the findings status of `analyze` and `check`). Commands with a placeholder for the
/// reader's own file (an upper-case word such as CATALOGUE, or an input file no document creates) are
/// listed and skipped.
@Suite struct DocumentedCommandsTests {
    /// Options whose value is a file procmod writes.
    static let outputs: Set<String> = ["-o", "--output", "--event-log", "--junit", "--prosimos", ">"]

    static func commands() throws -> [(source: String, words: [String])] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("docs")).filter { $0.hasSuffix(".md") }.sorted()
        var out: [(String, [String])] = []
        for file in ["README.md"] + docs.map({ "docs/" + $0 }) {
            let text = try String(contentsOfFile: TestSupport.path(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                var command = line.trimmingCharacters(in: .whitespaces)
                guard line.hasPrefix("    "), command.hasPrefix("procmod ") || command.hasPrefix("swift run procmod ") else { continue }
                if let hash = command.range(of: #"\s+# "#, options: .regularExpression) { command = String(command[..<hash.lowerBound]) }
                var words = command.split(separator: " ").map(String.init)
                if words.first == "swift" { words.removeFirst(2) }
                out.append((file, Array(words.dropFirst())))
            }
        }
        return out
    }

    @Test func everyDocumentedCommandRunsAsWritten() throws {
        let scratch = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for folder in ["procedures", "examples"] {
            try FileManager.default.copyItem(atPath: TestSupport.path(folder), toPath: scratch.appendingPathComponent(folder).path)
        }
        var ran = 0, skipped: [String] = []
        for (source, words) in try Self.commands() {
            var arguments: [String] = [], redirect: String?
            var placeholder = false
            var k = 0
            while k < words.count {
                let word = words[k]
                if word == ">" { redirect = k + 1 < words.count ? words[k + 1] : nil; k += 2; continue }
                let isOutput = k > 0 && Self.outputs.contains(words[k - 1])
                if word.count > 1 && word.allSatisfy({ $0.isUppercase || $0 == "_" }) { placeholder = true }
                if !isOutput && !word.hasPrefix("-") && (word.hasSuffix(".xml") || word.hasSuffix(".bpmn") || word.hasSuffix(".json"))
                    && !word.contains("*") && !FileManager.default.fileExists(atPath: scratch.appendingPathComponent(word).path) {
                    placeholder = true
                }
                if word.contains("*") {
                    // A shell glob over files an earlier command wrote.
                    let (dir, pattern) = ((word as NSString).deletingLastPathComponent, (word as NSString).lastPathComponent)
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent(dir).path)) ?? []
                    let prefix = String(pattern.prefix { $0 != "*" }), suffix = String(pattern.split(separator: "*").last ?? "")
                    let matches = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted()
                    if matches.isEmpty { placeholder = true }
                    arguments += matches.map { dir.isEmpty ? $0 : dir + "/" + $0 }
                } else {
                    arguments.append(word)
                }
                k += 1
            }
            let line = "\(source): procmod \(words.joined(separator: " "))"
            if placeholder { skipped.append(line); continue }
            let r = try TestSupport.runProcmod(arguments, in: scratch)
            #expect(r.status == 0 || r.status == 1, "\(line) exited \(r.status): \(r.stderr.prefix(400))")
            if let redirect { try r.stdout.write(to: scratch.appendingPathComponent(redirect), atomically: true, encoding: .utf8) }
            ran += 1
        }
        #expect(ran >= 40, "ran \(ran), skipped:\n\(skipped.joined(separator: "\n"))")
        print("documented commands: \(ran) ran, \(skipped.count) skipped as placeholders:\n" + skipped.joined(separator: "\n"))
    }
}
