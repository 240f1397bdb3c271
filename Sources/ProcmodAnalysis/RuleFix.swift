public import ProcmodModel

/// How `<fix rule="...">` (procmod digitize, docs/scenarios.md) fixes every finding of a rule. Each
/// fixable rule declares its fix beside its check, with examples of a model before and after that the
/// tests run; the scenario module carries the fix out. Findings name what they fix by identity (a step
/// id, a requirement's index in its step), never by a source location, so fixes work on procedures built
/// in code as on loaded files.
public enum RuleFix: Sendable {
    /// Every requirement a finding points at is removed; then the photocopy and certify steps that only
    /// served it go. `because` and `helpersGone` are keys of the report catalog (ProcmodLocalization:
    /// `reason.…`) that say why, in the change list, in the reader's language.
    case removeRequirement(because: String, helpersGone: String)
    /// Every requirement a finding points at is looked up in the registers instead: removed when they
    /// hold every case, asked only of the cases they miss (`unless-registered`) when they hold a share;
    /// then the photocopy and certify steps no requirement needs any more go.
    case lookUpInRegister(because: String, partly: String, helpersGone: String)
    /// Every requirement a finding points at is changed by `edit`; `helpersGone`, when set, also removes
    /// the photocopy and certify steps that no requirement needs any more.
    case editRequirement(because: String, helpersGone: String?, edit: @Sendable (inout DocumentRequirement) -> Void)
    /// Every step a finding names is removed (its predecessors go straight to its successor).
    case removeStep(because: String)
    /// Every supplement loop of a choice a finding names is capped at `max` returns.
    case capSupplementLoops(max: Int, because: String)
    /// A lever applied to the whole procedure (the findings say where it matters).
    case lever(Lever.Kind)
}

/// A fix shown on a small procedure: the example's flow before, and the flow the fix must leave (both
/// placed into ``ExampleProcedure``). The test suite applies the rule's fix to `before` and compares the
/// result with `after`, locations aside, and checks the rule no longer fires.
public struct RuleFixExample: Sendable {
    public var before: String
    public var after: String
    public var documents: String
    public var file: String
    public var filePath: String
    public var line: Int

    public init(before: String, after: String, documents: String = "", file: String = #fileID, filePath: String = #filePath,
                line: Int = #line) {
        self.filePath = filePath
        self.before = before
        self.after = after
        self.documents = documents
        self.file = file
        self.line = line
    }

    /// The example procedure before and after the fix, as XML.
    public var beforeXML: String { ExampleProcedure.xml(RuleExample(triggers: true, documents: documents, flow: before)) }
    public var afterXML: String { ExampleProcedure.xml(RuleExample(triggers: false, documents: documents, flow: after)) }
}

extension Rule {
    /// No automatic fix unless the rule declares one.
    public var fix: RuleFix? { nil }
    public var fixExamples: [RuleFixExample] { [] }
}
