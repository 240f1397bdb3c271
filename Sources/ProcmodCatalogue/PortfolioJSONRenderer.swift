import ProcmodReporting

/// The portfolio as JSON (`"document": "portfolio"`, schema in docs/schemas/portfolio.schema.json):
/// sorted keys, money in whole đồng, other figures to 4 decimals.
public struct PortfolioJSONRenderer: Sendable {
    public init() {}

    public func render(_ portfolio: Portfolio) throws -> String {
        try jsonDocument(portfolio, kind: "portfolio") + "\n"
    }
}
