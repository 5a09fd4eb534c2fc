/// NAS-Bench-Suite-Zero's `flops` baseline: the multiply-adds of one example's forward pass as NAS-Bench-201's
/// counter counts them (every convolution and the classifier), which the caller supplies from the network
/// (`NB201Network.cost().multiplyAdds`), so this module needs no knowledge of the network's layers.
enum FloatingPointOperations {
    /// The multiply-adds as a score.
    static func score(multiplyAdds: Int) -> Double {
        Double(multiplyAdds)
    }
}
