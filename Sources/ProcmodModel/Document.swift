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
    /// The state registers that already hold this document's data, each with the share of cases it
    /// covers (`register="…"` and `<held-by>`).
    public var registers: [RegisterHolding] = []
    /// The first register holding this document's data (e.g. `population`, `civil-status`); setting it
    /// replaces the list with one register covering every case.
    public var register: String? {
        get { registers.first?.register }
        set { registers = newValue.map { [RegisterHolding(register: $0)] } ?? [] }
    }
    /// The share of cases whose data some register holds: the largest coverage of its registers (their
    /// overlap is unknown, so the smallest the union can be).
    public var registerCoverage: Double { registers.map(\.coverage).max() ?? 0 }
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
        self.registers = register.map { [RegisterHolding(register: $0)] } ?? []
        self.medium = medium
        self.pages = pages
        self.obsoleteFrom = obsoleteFrom
        self.resultOf = resultOf
        self.legal = legal
        self.provenance = provenance
        self.location = location
    }
}

/// A state register that holds a document's data, for all cases or a share of them (births registered
/// before the civil-status database was filled are not in it).
public struct RegisterHolding: Sendable, Hashable, Codable {
    /// The register's name (`population`, `civil-status`, `land`, `business`…).
    public var register: String
    /// The share of cases whose data the register holds (1: all).
    public var coverage: Double
    public var provenance: Provenance
    public var location: SourceLocation
    public init(register: String, coverage: Double = 1, provenance: Provenance = .init(), location: SourceLocation = .unknown) {
        self.register = register
        self.coverage = coverage
        self.provenance = provenance
        self.location = location
    }
}

/// How a foreign document must be legalised before a Vietnamese agency accepts it.
public enum Legalisation: String, Sendable, Hashable, CaseIterable, Codable {
    /// Consular legalisation (hợp pháp hóa lãnh sự, Decree 111/2011/NĐ-CP).
    case consular
    /// An apostille, where a treaty replaces consular legalisation.
    case apostille
}

/// The translation a document must come with.
public enum Translation: String, Sendable, Hashable, CaseIterable, Codable {
    /// Any translation.
    case plain
    /// A translation whose translator's signature is certified (Decree 23/2015/NĐ-CP Art. 31) or notarised.
    case certified
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
    /// The share of the cases reaching the step that hand the document in (`share`): 1 unless the
    /// requirement is conditional or one of alternatives.
    public var share: Double = 1
    /// The condition under which it is asked, in words (`when="applicant under 14"`).
    public var condition: String?
    /// The `<one-of>` group of the step it belongs to (0, 1, …): the case hands in one document of the
    /// group, each with its `share`.
    public var alternatives: Int?
    /// Only cases whose data no register holds hand it in: the agency looks it up first
    /// (`unless-registered="true"`), so the share is scaled by the part of cases the registers miss.
    public var unlessRegistered = false
    /// The document must have been issued at most this many days before it is handed in.
    public var issuedWithinDays: Int?
    /// A foreign document's legalisation, when required.
    public var legalisation: Legalisation?
    /// The translation it must come with, when required.
    public var translation: Translation?
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

extension Procedure {
    /// The share of the cases reaching a step that hand `requirement` in: its `share`, times the part of
    /// cases no register covers when it is asked only of those (`unless-registered`).
    public func caseShare(of requirement: DocumentRequirement) -> Double {
        guard requirement.unlessRegistered else { return requirement.share }
        return requirement.share * (1 - (documents[requirement.document]?.registerCoverage ?? 0))
    }

    /// The pages one copy of `requirement` hands over: the document's pages, twice with a translation.
    public func pagesPerCopy(of requirement: DocumentRequirement) -> Int {
        (documents[requirement.document]?.pages ?? 1) * (requirement.translation == nil ? 1 : 2)
    }
}
