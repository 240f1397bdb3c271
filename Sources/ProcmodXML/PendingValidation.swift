public import ProcmodModel

/// A schema validation running on another thread (``XMLReader/startValidation(of:against:onAnotherThread:)``),
/// run by whoever comes first (``SideTask``): the tree and the schema are released as soon as it has run.
public final class PendingValidation: Sendable {
    private let task: SideTask<[RawXMLError]>
    private let text: SourceText

    init(storage: DocumentStorage, schema: XMLSchema, onAnotherThread: Bool) {
        text = storage.text
        // The tree is read by the validation while the caller decodes it; neither writes to it.
        let tree = UncheckedTree(storage: storage)
        task = SideTask(onAnotherThread: onAnotherThread) { XMLReader.validate(tree.storage.document, schema: schema) }
    }

    /// The schema's diagnostics, located in the file; waits for the validation when it is running. Call
    /// it while a view of the tree is alive: the errors point at its nodes.
    public func diagnostics() -> [Diagnostic] {
        XMLReader.schemaDiagnostics(task.result(), text: text)
    }

    private struct UncheckedTree: @unchecked Sendable {
        let storage: DocumentStorage
    }
}
