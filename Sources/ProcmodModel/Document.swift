/// What role a document plays.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A form or declaration the applicant fills in (tờ khai, đơn).
    case form
    /// A certificate issued by a state body (giấy chứng nhận, giấy khai sinh).
    case certificate
    /// Other evidence: a contract, a medical birth notice, drawings.
    case evidence
    /// The result of this procedure.
    case result
    /// A working document that stays inside the agencies (appraisal report, draft decision).
    case `internal`
}

/// Paper or electronic.
public enum Medium: String, Sendable, Hashable, CaseIterable, Codable {
    case paper, electronic
}

/// A document the procedure asks for, uses or produces.
public struct Document: Sendable, Hashable, Codable {
    public var id: String
    public var name: LocalizedName
    public var kind: DocumentKind
    /// Who issues it: an agency id of this model or a free-text issuer.
    public var issuer: String?
    /// The state register that already holds this document's data (e.g. `population`, `civil-status`).
    public var register: String?
    /// The medium the document usually exists in.
    public var medium: Medium
    /// Pages of one copy.
    public var pages: Int
    /// The date from which the document no longer has legal validity (the household book: 2023-01-01).
    public var obsoleteFrom: LocalDate?
    /// The code of the procedure whose result this document is (for chaining, liên thông).
    public var resultOf: String?
    public var legal: [String]
    public var provenance: Provenance
    public var location: SourceLocation

    public init(id: String, name: LocalizedName = .init(), kind: DocumentKind, issuer: String? = nil,
                register: String? = nil, medium: Medium, pages: Int = 1, obsoleteFrom: LocalDate? = nil,
                resultOf: String? = nil, legal: [String] = [], provenance: Provenance = .init(),
                location: SourceLocation = .unknown) {
        self.id = id
        self.name = name
        self.kind = kind
        self.issuer = issuer
        self.register = register
        self.medium = medium
        self.pages = pages
        self.obsoleteFrom = obsoleteFrom
        self.resultOf = resultOf
        self.legal = legal
        self.provenance = provenance
        self.location = location
    }
}

/// The form in which a step requires a document (bản chính, bản sao, bản sao chứng thực, ...).
public enum DocumentForm: String, Sendable, Hashable, CaseIterable, Codable {
    /// The original, handed over (bản chính).
    case original
    /// A plain photocopy (bản sao / bản chụp).
    case copy
    /// A certified copy (bản sao chứng thực / bản sao từ sổ gốc).
    case certifiedCopy = "certified-copy"
    /// The electronic document or an electronic copy.
    case electronic
    /// The original shown for comparison and handed back (xuất trình).
    case present
}

/// A document a step requires.
public struct DocumentRequirement: Sendable, Hashable, Codable {
    public var document: String
    public var form: DocumentForm
    /// Copies in one dossier set.
    public var copies: Int
    /// Dossier sets (số bộ hồ sơ).
    public var sets: Int
    /// Where the requirement comes from (`source`, `assumed`), like every other figure.
    public var provenance = Provenance()
    public var legal: [String]
    public var location: SourceLocation

    public init(document: String, form: DocumentForm, copies: Int = 1, sets: Int = 1, legal: [String] = [],
                location: SourceLocation = .unknown) {
        self.document = document
        self.form = form
        self.copies = copies
        self.sets = sets
        self.legal = legal
        self.location = location
    }

    /// True when the requirement is met on paper (everything but `electronic`).
    public var isPaper: Bool { form != .electronic }
}

/// A document a step produces.
public struct DocumentOutput: Sendable, Hashable, Codable {
    public var document: String
    public var medium: Medium
    public var copies: Int
    public var location: SourceLocation

    public init(document: String, medium: Medium, copies: Int = 1, location: SourceLocation = .unknown) {
        self.document = document
        self.medium = medium
        self.copies = copies
        self.location = location
    }
}
