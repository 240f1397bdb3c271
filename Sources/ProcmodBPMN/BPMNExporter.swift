public import ProcmodModel
import ProcmodDiagram
import ProcmodLoader
import ProcmodXML

/// Writes a procedure as a BPMN 2.0 document (docs/interop.md): one process with a lane per actor inside
/// one pool, a start event, a task per step (by kind: user, manual, send, receive), exclusive and
/// parallel gateways with explicit merges, a timer after each step that has a delay and before each step
/// whose signer signs at set times, a data object per document with input and output associations,
/// a text annotation with each step's legal basis, `incoming` and `outgoing` on every flow node, and full
/// BPMN DI from procmod's diagram layout. The whole procmod model rides in the process's
/// `extensionElements`, so that `procmod import` reads it back exactly. Same model, same bytes.
public struct BPMNExporter: Sendable {
    public var language: Language
    /// Write every task as a plain `task` (Prosimos reads no other kind); the step's kind stays in the
    /// extension.
    public var plainTasks: Bool

    public init(language: Language = .vi, plainTasks: Bool = false) {
        self.language = language
        self.plainTasks = plainTasks
    }

    public func export(_ p: Procedure) -> String {
        var graph = BPMNGraph(p, language: language)
        if plainTasks { for i in graph.nodes.indices where graph.nodes[i].type.hasSuffix("Task") { graph.nodes[i].type = "task" } }
        let w = XMLTextWriter()
        w.start("bpmn:definitions")
        w.attribute("xmlns:bpmn", BPMNNamespace.model)
        w.attribute("xmlns:bpmndi", BPMNNamespace.di)
        w.attribute("xmlns:dc", BPMNNamespace.dc)
        w.attribute("xmlns:di", BPMNNamespace.ddi)
        w.attribute("xmlns:xsi", BPMNNamespace.xsi)
        w.attribute("xmlns:procmod", BPMNNamespace.procmod)
        w.attribute("id", "Definitions_" + ncName(p.code))
        w.attribute("targetNamespace", "https://procmod.org/procedures/" + ncName(p.code))
        w.attribute("exporter", "procmod")
        w.attribute("exporterVersion", "1")
        w.start("bpmn:collaboration")
        w.attribute("id", "Collaboration_1")
        w.start("bpmn:participant")
        w.attribute("id", "Participant_1")
        w.attribute("name", p.code + " " + p.name.text(language, fallback: p.code))
        w.attribute("processRef", "Process_1")
        w.end()
        w.end()
        process(w, p, graph)
        diagram(w, graph)
        return w.finish()
    }

    // MARK: The process

    private func process(_ w: XMLTextWriter, _ p: Procedure, _ g: BPMNGraph) {
        w.start("bpmn:process")
        w.attribute("id", "Process_1")
        w.attribute("name", p.name.text(language, fallback: p.code))
        w.attribute("isExecutable", "false")
        w.start("bpmn:extensionElements")
        w.start("procmod:model")
        w.raw("\n" + Self.embedded(p) + "\n")
        w.end()
        w.end()
        w.start("bpmn:laneSet")
        w.attribute("id", "LaneSet_1")
        for lane in g.lanes {
            w.start("bpmn:lane")
            w.attribute("id", lane.id)
            w.attribute("name", lane.name)
            for node in g.nodes where node.lane == lane.index {
                w.start("bpmn:flowNodeRef")
                w.text(node.id)
                w.end()
            }
            w.end()
        }
        w.end()
        for document in g.documents {
            w.start("bpmn:dataObject")
            w.attribute("id", "DataObject_" + document.id)
            w.attribute("name", document.name)
            w.end()
            w.start("bpmn:dataObjectReference")
            w.attribute("id", document.reference)
            w.attribute("name", document.name)
            w.attribute("dataObjectRef", "DataObject_" + document.id)
            w.end()
        }
        for node in g.nodes { flowNode(w, node, g) }
        for flow in g.flows {
            w.start("bpmn:sequenceFlow")
            w.attribute("id", flow.id)
            w.attribute("name", flow.name)
            w.attribute("sourceRef", g.nodes[flow.source].id)
            w.attribute("targetRef", g.nodes[flow.target].id)
            if flow.probability != nil || flow.loop != nil || flow.channel != nil {
                w.start("bpmn:extensionElements")
                w.start("procmod:branch")
                w.attribute("probability", flow.probability.map { decimalText($0, decimals: 6) })
                w.attribute("channel", flow.channel)
                w.attribute("loop", flow.loop?.rawValue)
                w.attribute("max", flow.maxCount.map(String.init))
                w.end()
                w.end()
            }
            if let condition = flow.condition {
                w.start("bpmn:conditionExpression")
                w.attribute("xsi:type", "bpmn:tFormalExpression")
                w.text(condition)
                w.end()
            }
            w.end()
        }
        for annotation in g.annotations {
            w.start("bpmn:textAnnotation")
            w.attribute("id", annotation.id)
            w.start("bpmn:text")
            w.text(annotation.text)
            w.end()
            w.end()
            w.start("bpmn:association")
            w.attribute("id", annotation.association)
            w.attribute("sourceRef", g.nodes[annotation.node].id)
            w.attribute("targetRef", annotation.id)
            w.end()
        }
        w.end()
    }

    private func flowNode(_ w: XMLTextWriter, _ node: BPMNGraph.Node, _ g: BPMNGraph) {
        w.start("bpmn:" + node.type)
        w.attribute("id", node.id)
        w.attribute("name", node.name)
        if let defaultFlow = node.defaultFlow { w.attribute("default", g.flows[defaultFlow].id) }
        if let direction = node.direction { w.attribute("gatewayDirection", direction) }
        if let documentation = node.documentation {
            w.start("bpmn:documentation")
            w.text(documentation)
            w.end()
        }
        for f in g.incoming(node.index) { w.start("bpmn:incoming"); w.text(g.flows[f].id); w.end() }
        for f in g.outgoing(node.index) { w.start("bpmn:outgoing"); w.text(g.flows[f].id); w.end() }
        for (k, input) in node.inputs.enumerated() {
            w.start("bpmn:property")
            w.attribute("id", "Property_\(node.id)_\(k)")
            w.attribute("name", "__targetRef_placeholder")
            w.end()
            _ = input
        }
        for (k, input) in node.inputs.enumerated() {
            w.start("bpmn:dataInputAssociation")
            w.attribute("id", "DataInputAssociation_\(node.id)_\(k)")
            w.start("bpmn:sourceRef"); w.text(g.documents[input].reference); w.end()
            w.start("bpmn:targetRef"); w.text("Property_\(node.id)_\(k)"); w.end()
            w.end()
        }
        for (k, output) in node.outputs.enumerated() {
            w.start("bpmn:dataOutputAssociation")
            w.attribute("id", "DataOutputAssociation_\(node.id)_\(k)")
            w.start("bpmn:targetRef"); w.text(g.documents[output].reference); w.end()
            w.end()
        }
        if let timer = node.timer {
            w.start("bpmn:timerEventDefinition")
            w.attribute("id", "TimerEventDefinition_" + node.id)
            w.start(timer.cycle ? "bpmn:timeCycle" : "bpmn:timeDuration")
            w.attribute("xsi:type", "bpmn:tFormalExpression")
            w.text(timer.expression)
            w.end()
            w.end()
        }
        w.end()
    }

    /// The procmod model as the DSL writes it, without its XML declaration, to nest in the BPMN file.
    static func embedded(_ p: Procedure) -> String {
        let text = ProcedureWriter().write(p)
        guard text.hasPrefix("<?xml"), let end = text.firstIndex(of: "\n") else { return text }
        return String(text[text.index(after: end)...]).trimmingTrailingNewlines
    }

    // MARK: DI

    private func diagram(_ w: XMLTextWriter, _ g: BPMNGraph) {
        func f(_ x: Double) -> String { decimalText(x, decimals: 1) }
        func bounds(_ b: BPMNGraph.Box) {
            w.start("dc:Bounds")
            w.attribute("x", f(b.x)); w.attribute("y", f(b.y)); w.attribute("width", f(b.width)); w.attribute("height", f(b.height))
            w.end()
        }
        func shape(_ id: String, _ element: String, _ b: BPMNGraph.Box, horizontal: Bool = false) {
            w.start("bpmndi:BPMNShape")
            w.attribute("id", id + "_di")
            w.attribute("bpmnElement", element)
            if horizontal { w.attribute("isHorizontal", "true") }
            bounds(b)
            w.end()
        }
        func edge(_ id: String, _ element: String, _ points: [(x: Double, y: Double)]) {
            w.start("bpmndi:BPMNEdge")
            w.attribute("id", id + "_di")
            w.attribute("bpmnElement", element)
            for p in points {
                w.start("di:waypoint")
                w.attribute("x", f(p.x)); w.attribute("y", f(p.y))
                w.end()
            }
            w.end()
        }
        w.start("bpmndi:BPMNDiagram")
        w.attribute("id", "BPMNDiagram_1")
        w.start("bpmndi:BPMNPlane")
        w.attribute("id", "BPMNPlane_1")
        w.attribute("bpmnElement", "Collaboration_1")
        shape("Participant_1", "Participant_1", g.pool, horizontal: true)
        for lane in g.lanes { shape(lane.id, lane.id, lane.box, horizontal: true) }
        for node in g.nodes { shape(node.id, node.id, node.box) }
        for document in g.documents { shape(document.reference, document.reference, document.box) }
        for flow in g.flows { edge(flow.id, flow.id, flow.points) }
        for node in g.nodes {
            for (k, input) in node.inputs.enumerated() {
                let d = g.documents[input].box
                edge("DataInputAssociation_\(node.id)_\(k)", "DataInputAssociation_\(node.id)_\(k)",
                     [(d.x + d.width / 2, d.y), (node.box.x + node.box.width / 2, node.box.y + node.box.height)])
            }
            for (k, output) in node.outputs.enumerated() {
                let d = g.documents[output].box
                edge("DataOutputAssociation_\(node.id)_\(k)", "DataOutputAssociation_\(node.id)_\(k)",
                     [(node.box.x + node.box.width / 2, node.box.y + node.box.height), (d.x + d.width / 2, d.y)])
            }
        }
        for annotation in g.annotations {
            shape(annotation.id, annotation.id, annotation.box)
            let n = g.nodes[annotation.node].box
            edge(annotation.association, annotation.association, [(n.x + n.width / 2, n.y), (annotation.box.x, annotation.box.y + annotation.box.height)])
        }
        w.end()
        w.end()
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
