import Foundation
import ProcmodBPMN
import ProcmodLoader
import ProcmodModel
import ProcmodTestSupport
import ProcmodXML
import Testing

/// BPMN 2.0 in and out (issue 14 §2–3): every shipped model exports to BPMN that independent checkers
/// accept, export → import → export gives the same bytes, and real files from other tools import
/// with their flow structure kept and what is not mapped listed.
@Suite struct BPMNTests {
    static let models: [String] = {
        func xml(_ folder: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: TestSupport.path(folder))) ?? [])
                .filter { $0.hasSuffix(".xml") }.sorted().map { folder + "/" + $0 }
        }
        return xml("procedures") + xml("examples/after") + ["examples/every-construct.xml"]
    }()

    static let miwg = ["A.1.0", "A.2.0", "A.4.0", "C.5.0"]

    func load(_ path: String) throws -> Procedure {
        try #require(ProcedureLoader().load(path: TestSupport.path(path)).procedure, "\(path)")
    }

    @Test(arguments: models)
    func exportImportExportGivesTheSameBytes(_ path: String) throws {
        let p = try load(path)
        let first = BPMNExporter(language: .vi).export(p)
        let back = BPMNImporter().load(bytes: Array(first.utf8), path: "exported.bpmn")
        #expect(back.fromExtension, "\(back.diagnostics.map(\.message))")
        let q = try #require(back.procedure)
        #expect(BPMNExporter(language: .vi).export(q) == first)
        #expect(ProcedureWriter().write(q) == ProcedureWriter().write(p), "the model itself comes back")
    }

    /// The BPMN elements an exported file holds for a model: a task per step, gateways, the start, the
    /// ends, incoming and outgoing on every flow node, and a DI shape or edge for each.
    @Test func anExportHoldsTheProcessAndItsDrawing() throws {
        let p = try load("procedures/land-use-certificate.xml")
        let bpmn = BPMNExporter(language: .en).export(p)
        let tasks = bpmn.components(separatedBy: "Task id=\"Task_").count - 1
        #expect(tasks == p.flow.steps.count)
        #expect(bpmn.contains("<bpmn:startEvent id=\"StartEvent_1\"") && bpmn.contains("<bpmn:endEvent"))
        #expect(bpmn.contains("<bpmn:parallelGateway") && bpmn.contains("<bpmn:laneSet"))
        #expect(bpmn.contains("<bpmn:timerEventDefinition") && bpmn.contains("<bpmn:dataObjectReference"))
        #expect(bpmn.contains("<bpmn:textAnnotation") && bpmn.contains("<procmod:model>"))
        let shapes = bpmn.components(separatedBy: "<bpmndi:BPMNShape").count - 1
        let edges = bpmn.components(separatedBy: "<bpmndi:BPMNEdge").count - 1
        let flows = bpmn.components(separatedBy: "<bpmn:sequenceFlow ").count - 1
        #expect(shapes > tasks && edges >= flows)
    }

    /// A tool that changed the tasks: procmod's extension no longer describes the file, so the BPMN is
    /// mapped, and the note says why.
    @Test func anEditedFileIsMappedNotTrusted() throws {
        let p = try load("procedures/passport.xml")
        var bpmn = BPMNExporter(language: .en).export(p)
        bpmn = bpmn.replacingOccurrences(of: "Task_photo", with: "Task_new_photo")
        let result = BPMNImporter().load(bytes: Array(bpmn.utf8), path: "edited.bpmn")
        #expect(!result.fromExtension)
        #expect(result.diagnostics.contains { $0.message.contains("tasks changed") })
        let q = try #require(result.procedure, "\(result.diagnostics.map(\.message))")
        #expect(q.flow.steps.count == p.flow.steps.count + 2, "the two timers come back as wait steps")
    }

    @Test(arguments: miwg)
    func miwgModelsImportWithTheirStructure(_ name: String) throws {
        let path = TestSupport.path("Tests/ProcmodBPMNTests/MIWG/\(name).bpmn")
        let result = BPMNImporter().load(path: path)
        let p = try #require(result.procedure, "\(result.diagnostics.map { "\($0.location): \($0.message)" })")
        #expect(!result.fromExtension)
        #expect(result.diagnostics.allSatisfy { $0.severity != .error })
        // The imported process as BPMN has it: its tasks, and which task can follow which.
        let structure = try MIWGStructure(path: path, process: result.procedure.map { _ in nil } ?? nil, chosen: p)
        #expect(p.flow.steps.count == structure.tasks.count)
        #expect(Set(p.flow.steps.map(\.name).compactMap { $0.en ?? $0.vi }) == Set(structure.tasks.values))
        #expect(structure.successors(of: p) == structure.bpmnSuccessors, "task-to-task flow kept")
        // What was not mapped is listed, with a line.
        if name == "A.4.0" || name == "C.5.0" {
            #expect(result.diagnostics.contains { $0.code == "bpmn-unmapped" && $0.message.contains("not imported") && $0.location.line > 1 })
        }
    }

    @Test func prefixesEncodingsAndHostileInput() throws {
        let plain = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
              <process id="P" isExecutable="false">
                <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
                <userTask id="t" name="Kiểm tra"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
                <endEvent id="e"/>
              </process>
            </definitions>
            """
        let a = BPMNImporter().load(bytes: Array(plain.utf8), path: "plain.bpmn")
        #expect(a.procedure?.flow.steps.map(\.id) == ["t"], "\(a.diagnostics.map(\.message))")
        #expect(a.procedure?.flow.steps.first?.name.vi == "Kiểm tra")
        let prefixed = plain.replacingOccurrences(of: "<definitions xmlns=", with: "<bpmn2:definitions xmlns:bpmn2=")
            .replacingOccurrences(of: "</definitions>", with: "</bpmn2:definitions>")
            .replacingOccurrences(of: "<process", with: "<bpmn2:process").replacingOccurrences(of: "</process>", with: "</bpmn2:process>")
            .replacingOccurrences(of: "<startEvent", with: "<bpmn2:startEvent").replacingOccurrences(of: "<sequenceFlow", with: "<bpmn2:sequenceFlow")
            .replacingOccurrences(of: "<userTask", with: "<bpmn2:userTask").replacingOccurrences(of: "<endEvent", with: "<bpmn2:endEvent")
        #expect(BPMNImporter().load(bytes: Array(prefixed.utf8), path: "prefixed.bpmn").procedure?.flow.steps.count == 1)
        let latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + plain.replacingOccurrences(of: "Kiểm tra", with: "Caf\u{E9}")
        let bytes = latin1.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        #expect(BPMNImporter().load(bytes: bytes, path: "latin1.bpmn").procedure?.flow.steps.first?.name.vi == "Café")
        let hostile = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"y\">]>" + plain
        let h = BPMNImporter().load(bytes: Array(hostile.utf8), path: "hostile.bpmn")
        #expect(h.procedure == nil && h.diagnostics.contains { $0.code == "doctype" })
        let notBPMN = BPMNImporter().load(bytes: Array("<procedure xmlns=\"urn:x\"/>".utf8), path: "x.bpmn")
        #expect(notBPMN.procedure == nil && notBPMN.diagnostics.contains { $0.message.contains("a BPMN 2.0 file") })
    }

    /// Every shipped model's export passes the independent checks of Tests/oracles/bpmn_check.py (the OMG
    /// XSD, bpmn-io's lint, SpiffWorkflow's parser and DI completeness). Runs when its venv exists:
    /// PROCMOD_BPMN_PYTHON (default /tmp/procmod-oracles/bin/python, made by Tests/oracles/setup.sh).
    static let oracle = TestSupport.path("Tests/oracles/bpmn_check.py")
    static let python = ProcessInfo.processInfo.environment["PROCMOD_BPMN_PYTHON"] ?? "/tmp/procmod-oracles/bin/python"
    static let oracleAvailable = FileManager.default.fileExists(atPath: oracle) && FileManager.default.isExecutableFile(atPath: python)

    @Test(.enabled(if: oracleAvailable), arguments: models)
    func independentCheckersAcceptTheExport(_ path: String) throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("model.bpmn")
        try BPMNExporter(language: .vi).export(try load(path)).write(to: file, atomically: true, encoding: .utf8)
        let (status, data) = try TestSupport.runOracle(Self.python, "bpmn_check.py", ["--compact", file.path])
        let output = String(decoding: data, as: UTF8.self)
        #expect(status == 0, "\(path): \(output)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let checks = try #require(report["checks"] as? [String: Any])
        let lint = ((checks["bpmn-io"] as? [String: Any])?["lint"] as? [String: Any])
        #expect((lint?["errors"] as? Int) == 0 && (lint?["warnings"] as? Int) == 0, "\(path): \(lint ?? [:])")
    }
}

/// The structure of the imported process as the BPMN file has it: tasks by id and name, and for each
/// task the tasks that can come next through gateways and events.
struct MIWGStructure {
    var tasks: [String: String] = [:]
    var bpmnSuccessors: [String: Set<String>] = [:]

    init(path: String, process: String?, chosen: Procedure) throws {
        let bytes = BPMNImporter.utf8(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        let root = try #require(XMLReader.read(bytes: bytes, path: path, rootName: "definitions", schema: nil).root)
        let p = try #require(root.children.first { $0.name == "process" && ncNameOf($0.attribute("id")?.value ?? "") == chosen.code })
        let kinds: Set<String> = ["task", "userTask", "manualTask", "sendTask", "receiveTask", "serviceTask", "scriptTask", "businessRuleTask",
                                  "callActivity", "subProcess"]
        var edges: [String: [String]] = [:]
        for e in p.children {
            let id = e.attribute("id")?.value ?? ""
            if kinds.contains(e.name) { tasks[id] = e.attribute("name")?.value ?? id }
            if e.name == "sequenceFlow", let s = e.attribute("sourceRef")?.value, let t = e.attribute("targetRef")?.value {
                edges[s, default: []].append(t)
            }
        }
        for task in tasks.keys {
            var next: Set<String> = [], seen: Set<String> = [], frontier = edges[task] ?? []
            while let n = frontier.popLast() {
                guard seen.insert(n).inserted else { continue }
                if tasks[n] != nil { next.insert(ncNameOf(n)) } else { frontier += edges[n] ?? [] }
            }
            bpmnSuccessors[ncNameOf(task)] = next
        }
    }

    /// The same relation in the imported procedure.
    func successors(of p: Procedure) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for (i, node) in p.flow.nodes.enumerated() where node.step != nil {
            var next: Set<String> = [], seen: Set<Int> = [], frontier = node.edges.map(\.target)
            while let n = frontier.popLast() {
                guard seen.insert(n).inserted else { continue }
                if let s = p.flow.nodes[n].step, !(s.kind == .wait && s.id.hasSuffix("_end")) { next.insert(s.id) } else { frontier += p.flow.nodes[n].edges.map(\.target) }
            }
            out[p.flow.nodes[i].id] = next
        }
        return out
    }
}

func ncNameOf(_ id: String) -> String {
    var out = String(id.map { ch -> Character in
        ch.isASCII && (ch.isLetter || ch.isNumber || ch == "." || ch == "-" || ch == "_") ? ch : "_"
    })
    if let first = out.first, !(first.isLetter || first == "_") { out = "_" + out }
    return out
}
