import ProcmodModel
import ProcmodXML

/// The kinds of things an id can name; each kind is its own namespace.
enum IDKind: String, CaseIterable {
    case source, provision, agency, channel, calendar, actor, document
    case node = "flow element"

    /// What the user wrote, for "defined <plural>: ..." hints.
    var plural: String {
        switch self {
        case .source: "sources"
        case .provision: "provisions"
        case .agency: "agencies"
        case .channel: "channels"
        case .calendar: "calendars"
        case .actor: "actors"
        case .document: "documents"
        case .node: "flow elements"
        }
    }
}

/// One use of an id. Its location (the attribute's) is found only when the id turns out to be unknown.
struct Reference {
    var kind: IDKind
    var id: String
    var element: ParsedElement
    /// Who refers: "step 'receive'".
    var owner: String
    /// The attribute that holds the id.
    var attribute: String

    var location: SourceLocation { element.attribute(attribute)?.location ?? element.location }
}

/// Ids defined in the file, per kind, in document order.
struct Definitions {
    /// One table per kind (in `IDKind.allCases` order): a lookup hashes the id alone.
    private var elements = [[String: ParsedElement]](repeating: [:], count: IDKind.allCases.count)
    /// Every definition in document order (for hints in error messages).
    private var order: [(kind: IDKind, id: String)] = []

    /// Records a definition; returns the first defining element when the id is taken.
    mutating func define(_ kind: IDKind, _ id: String, by element: ParsedElement) -> ParsedElement? {
        let k = kind.index
        if let first = elements[k][id] { return first }
        elements[k][id] = element
        order.append((kind, id))
        return nil
    }

    func contains(_ kind: IDKind, _ id: String) -> Bool { elements[kind.index][id] != nil }

    func all(_ kind: IDKind) -> [String] { order.filter { $0.kind == kind }.map(\.id) }
}

extension IDKind {
    /// The kind's position in `allCases`.
    var index: Int {
        switch self {
        case .source: 0
        case .provision: 1
        case .agency: 2
        case .channel: 3
        case .calendar: 4
        case .actor: 5
        case .document: 6
        case .node: 7
        }
    }
}

/// Resolves every recorded reference, reporting unknown ids with the closest defined one.
///
/// Suggestions are looked for only for the first ``suggestionLimit`` distinct unknown ids, each once, and
/// only among candidates whose length is close enough to be a typo: a file with thousands of broken
/// references is reported in time linear in their number, not quadratic.
func checkReferences(_ references: [Reference], against definitions: Definitions, into context: inout DecodeContext) {
    var known: [IDKind: [String]] = [:]
    var suggestions: [String: String?] = [:]
    for reference in references where !definitions.contains(reference.kind, reference.id) {
        if reference.kind == .calendar && reference.id == alwaysOpenCalendarID { continue }
        let candidates = known[reference.kind] ?? definitions.all(reference.kind)
        known[reference.kind] = candidates
        var message = "\(reference.owner) names \(reference.kind.rawValue) '\(reference.id)' in '\(reference.attribute)', "
            + "but no \(reference.kind.rawValue) has that id"
        let key = reference.kind.rawValue + "\u{0}" + reference.id
        let suggestion: String?
        if let cached = suggestions[key] {
            suggestion = cached
        } else if suggestions.count < suggestionLimit {
            suggestion = closest(to: reference.id, in: candidates)
            suggestions[key] = suggestion
        } else {
            suggestion = nil
        }
        if let suggestion {
            message += "; did you mean '\(suggestion)'?"
        } else if candidates.isEmpty {
            message += "; the file defines no \(reference.kind.plural)"
        } else {
            message += "; defined \(reference.kind.plural): " + candidates.prefix(8).joined(separator: ", ")
                + (candidates.count > 8 ? ", ..." : "")
        }
        context.error(reference.location, message, code: "unknown-reference")
    }
}

/// How many distinct unknown ids get a "did you mean" suggestion.
let suggestionLimit = 50

/// The defined id nearest to `id` by edit distance, when it is close enough to be a typo.
func closest(to id: String, in candidates: [String]) -> String? {
    let target = Array(id.unicodeScalars)
    // A typo is suggested for ids of ordinary length only: the distance costs length × threshold.
    guard target.count <= 64 else { return nil }
    let threshold = max(1, target.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
        let scalars = candidate.unicodeScalars
        // The distance is at least the difference in length: skip without computing it.
        guard abs(scalars.count - target.count) <= min(threshold, (best?.1 ?? .max) - 1) else { continue }
        let bound = min(threshold, (best?.1 ?? .max) - 1)
        if let d = editDistance(target, Array(scalars), atMost: bound) { best = (candidate, d) }
    }
    return best?.0
}

/// The edit distance of `a` and `b` when it is at most `limit`, else nil: only the diagonal band of
/// width 2·limit+1 is computed, and the search stops once a whole row exceeds the limit.
private func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
    guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    let big = limit + 1
    var previous = (0...b.count).map { $0 <= limit ? $0 : big }
    var current = [Int](repeating: big, count: b.count + 1)
    for i in 1...a.count {
        let low = max(1, i - limit), high = min(b.count, i + limit)
        current[0] = i <= limit ? i : big
        if low > 1 { current[low - 1] = big }
        var rowMinimum = current[0]
        for j in low...high {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, big)
            rowMinimum = min(rowMinimum, current[j])
        }
        if high < b.count { current[high + 1] = big }
        guard rowMinimum <= limit else { return nil }
        swap(&previous, &current)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
}
