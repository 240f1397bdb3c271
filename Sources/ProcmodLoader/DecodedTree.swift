/// The decoder of one file, whose references and definitions hold the parsed tree: the tree is freed
/// with it, on whichever thread calls ``release()``.
final class DecodedTree: @unchecked Sendable {
    /// Read by the loading thread until it hands the tree over; after that only ``release()`` touches it.
    private(set) var decoder: ProcedureDecoder?

    init(_ decoder: consuming ProcedureDecoder) { self.decoder = decoder }

    func release() { decoder = nil }
}
