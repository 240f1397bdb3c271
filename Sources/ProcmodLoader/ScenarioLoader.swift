public import ProcmodModel
import ProcmodXML

/// One scenario file's outcome.
public struct LoadedScenario: Sendable {
    public var path: String
    public var scenario: Scenario?
    public var diagnostics: [Diagnostic]
}

/// Loads scenario files (`<scenario xmlns="urn:procmod:scenario:1">`), validated like procedures.
public struct ScenarioLoader: Sendable {
    /// Files larger than this are refused before reading.
    public var maximumFileSize: Int

    public init(maximumFileSize: Int = ProcedureLoader.defaultMaximumFileSize) { self.maximumFileSize = maximumFileSize }

    public func load(path: String) -> LoadedScenario {
        let (bytes, diagnostics) = DSLDocument.bytes(at: path, maximumFileSize: maximumFileSize)
        guard let bytes else { return LoadedScenario(path: path, scenario: nil, diagnostics: diagnostics) }
        return load(bytes: bytes, path: path)
    }

    public func load(bytes: [UInt8], path: String) -> LoadedScenario {
        var (root, diagnostics) = DSLDocument.root(bytes, path: path, rootName: "scenario",
                                                   namespace: ScenarioSchema.namespace, schema: Self.schema,
                                                   schemaText: ScenarioSchema.text)
        guard let root else { return LoadedScenario(path: path, scenario: nil, diagnostics: diagnostics.sorted()) }
        var decoder = ProcedureDecoder()
        let flow = FlowDecoder()
        var levers: [Lever] = []
        for e in root.children where e.name != "summary" {
            let kind: Lever.Kind
            switch e.name {
            case "channel-share":
                kind = .channelShare(channel: decoder.context.required(e, "channel"), share: decoder.context.number(e, "share") ?? 0,
                                     level: decoder.context.enumeration(e, "online-level"))
            case "online-submission":
                kind = .onlineSubmission(channel: decoder.context.string(e, "channel") ?? "online",
                                         share: decoder.context.number(e, "share") ?? 0,
                                         level: decoder.context.enumeration(e, "online-level", default: .endToEnd) ?? .endToEnd,
                                         minutes: decoder.context.number(e, "minutes") ?? 20,
                                         before: decoder.context.string(e, "before"), joins: decoder.context.string(e, "joins"))
            case "share-data": kind = .shareData(registers: decoder.context.list(e, "registers"))
            case "electronic-copies": kind = .electronicCopies
            case "electronic-result": kind = .electronicResult
            case "digital-signature":
                kind = .digitalSignature(signers: decoder.context.list(e, "signers"), keepCadence: decoder.context.bool(e, "keep-cadence"))
            case "electronic-transfer": kind = .electronicTransfer(minutes: decoder.context.number(e, "minutes") ?? 10)
            case "online-payment": kind = .onlinePayment
            case "postal-delivery":
                kind = .postalDelivery(days: decoder.context.number(e, "days") ?? 2, fee: decoder.context.number(e, "fee") ?? 0)
            case "capacity":
                let servers = decoder.context.required(e, "servers")
                kind = .capacity(actor: decoder.context.required(e, "actor"),
                                 capacity: servers == "unlimited" ? .unlimited : .servers(decoder.context.integer(e, "servers") ?? 1))
            case "deadline":
                let (limit, inDays) = decoder.deadlineLimit(e, "working-days", "days", owner: "<deadline>")
                kind = .deadline(channel: decoder.context.string(e, "channel"), workingDays: limit, calendarDays: inDays,
                                 cutOff: e.attribute("cut-off").flatMap { decoder.context.time($0.value, at: $0.location, in: e) },
                                 legal: decoder.context.list(e, "legal"))
            case "duration":
                let step = decoder.context.required(e, "step")
                kind = .duration(step: step,
                                 work: e.child(named: "work").map { flow.duration($0, owner: "step '\(step)'", using: &decoder) },
                                 delay: e.child(named: "delay").map { flow.duration($0, owner: "step '\(step)'", using: &decoder) })
            case "remove": kind = .removeStep(step: decoder.context.required(e, "step"))
            case "parallelize", "merge":
                let steps = decoder.context.list(e, "steps")
                if steps.count != 2 {
                    decoder.context.error(e.attribute("steps")?.location ?? e.location,
                                          "<\(e.name)> takes exactly two consecutive steps, not \(steps.count)", code: "scenario")
                }
                let (a, b) = (steps.first ?? "", steps.dropFirst().first ?? "")
                kind = e.name == "merge" ? .merge(first: a, second: b) : .parallelize(first: a, second: b)
            default: kind = .fixRule(rule: decoder.context.required(e, "rule"))
            }
            levers.append(Lever(kind, name: e.name, location: e.location))
        }
        diagnostics += decoder.context.diagnostics
        let scenario = Scenario(procedure: decoder.context.required(root, "procedure"), name: decoder.context.name(root),
                                summary: root.child(named: "summary")?.text.trimmingSpaces, levers: levers,
                                location: root.location)
        return LoadedScenario(path: path, scenario: diagnostics.containsErrors ? nil : scenario, diagnostics: diagnostics.sorted())
    }

    static let schema: XMLSchema = {
        do { return try XMLSchema(text: ScenarioSchema.text) } catch {
            fatalError("procmod's own scenario schema does not compile: \(error)")
        }
    }()
}
