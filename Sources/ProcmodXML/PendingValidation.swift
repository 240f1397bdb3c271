import Dispatch
public import ProcmodModel
import Synchronization

/// A schema validation running on another thread (``XMLReader/startValidation(of:against:)``).
///
/// Whoever comes first runs it: a worker thread, or the caller of ``diagnostics()`` when no worker has
/// started it yet. So a caller never waits for a validation that is only queued (in a folder load both
/// cores may be busy with files), and the document is released as soon as the diagnostics are taken.
public final class PendingValidation: Sendable {
    private enum State {
        case waiting(DocumentStorage, XMLSchema)
        case running
        case done([RawXMLError])
    }

    /// The tree and schema move through the lock and are used by one thread at a time: the validation
    /// reads the tree while the caller decodes it, and neither writes to it.
    private let state: Mutex<UnsafeState>
    private let finished = DispatchSemaphore(value: 0)
    private let text: SourceText

    init(storage: DocumentStorage, schema: XMLSchema, onAnotherThread: Bool) {
        text = storage.text
        state = Mutex(UnsafeState(.waiting(storage, schema)))
        guard onAnotherThread else { return }
        DispatchQueue.global().async { [self] in
            guard let (storage, schema) = claim() else { return }
            let errors = XMLReader.validate(storage.document, schema: schema)
            state.withLock { $0.value = .done(errors) }
            finished.signal()
        }
    }

    /// The schema's diagnostics, located in the file; waits for the validation when it is running. Call
    /// it while a view of the tree is alive: the errors point at its nodes.
    public func diagnostics() -> [Diagnostic] {
        if let (storage, schema) = claim() {
            let errors = XMLReader.validate(storage.document, schema: schema)
            state.withLock { $0.value = .done(errors) }
            return XMLReader.schemaDiagnostics(errors, text: text)
        }
        while true {
            if let errors = state.withLock({ state -> [RawXMLError]? in
                if case .done(let errors) = state.value { return errors }
                return nil
            }) {
                return XMLReader.schemaDiagnostics(errors, text: text)
            }
            finished.wait()
        }
    }

    /// Takes the work when nobody has yet.
    private func claim() -> (DocumentStorage, XMLSchema)? {
        state.withLock { state in
            guard case .waiting(let storage, let schema) = state.value else { return nil }
            state.value = .running
            return (storage, schema)
        }
    }

    /// The state, sendable through the lock (the document storage is a class libxml2's tree hangs from).
    private struct UnsafeState: @unchecked Sendable {
        var value: State
        init(_ value: State) { self.value = value }
    }
}
