import ArgumentParser
import ProcmodLoader

extension Procmod {
    /// `procmod schema`: print the DSL's XML Schema for editors and other tools.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print the XML Schema (XSD) of the procedure DSL, or of scenarios, suites or catalogues.",
            discussion: """
                Point your editor's XML support at the output for completion and validation.

                Examples:
                  procmod schema > procedure-1.xsd
                  procmod schema --scenario > scenario-1.xsd
                  procmod schema --suite > suite-1.xsd
                  procmod schema --catalogue > catalogue-1.xsd
                """
        )

        @Flag(help: "Print the scenario schema instead.")
        var scenario = false

        @Flag(help: "Print the invariant suite schema instead.")
        var suite = false

        @Flag(help: "Print the catalogue schema instead.")
        var catalogue = false

        func run() throws {
            Terminal.out(catalogue ? CatalogueSchema.text : suite ? SuiteSchema.text : scenario ? ScenarioSchema.text : ProcedureSchema.text)
        }
    }
}
