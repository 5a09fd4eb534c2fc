import ArgumentParser
import Datasets
import NASSpaces
import OneShot
import Seeding

/// The one-shot methods `nasrun oneshot` runs.
enum OneShotMethod: String, CaseIterable, ExpressibleByArgument {
    case dartsFirstOrder = "darts-first-order"
    case dartsSecondOrder = "darts-second-order"
    case gdas
    case randomWeightSharing = "random-weight-sharing"
    case enas
}

/// One of the one-shot optimizers over the NB201 supernet, chosen at run time.
struct AnyNB201OneShotOptimizer: OneShotOptimizer {
    typealias Net = NB201Supernet

    enum Wrapped: Codable {
        case darts(DARTS<NB201Supernet>)
        case gdas(GDAS<NB201Supernet>)
        case randomWeightSharing(RandomWeightSharing<NB201Supernet>)
        case enas(ENAS<NB201Supernet>)
    }

    var wrapped: Wrapped

    init(
        method: OneShotMethod, supernet: NB201Supernet, weightTraining: SupernetWeightTraining,
        using rng: inout Xoshiro256
    ) {
        switch method {
        case .dartsFirstOrder:
            wrapped = .darts(DARTS(supernet: supernet, order: .first, weightTraining: weightTraining, using: &rng))
        case .dartsSecondOrder:
            wrapped = .darts(DARTS(supernet: supernet, order: .second, weightTraining: weightTraining, using: &rng))
        case .gdas: wrapped = .gdas(GDAS(supernet: supernet, weightTraining: weightTraining, using: &rng))
        case .randomWeightSharing:
            wrapped = .randomWeightSharing(RandomWeightSharing(weightTraining: weightTraining, using: &rng))
        case .enas: wrapped = .enas(ENAS(supernet: supernet, weightTraining: weightTraining, using: &rng))
        }
    }

    var name: String {
        switch wrapped {
        case .darts(let optimizer): optimizer.name
        case .gdas(let optimizer): optimizer.name
        case .randomWeightSharing(let optimizer): optimizer.name
        case .enas(let optimizer): optimizer.name
        }
    }

    var operationProbabilities: [[[Double]]]? {
        switch wrapped {
        case .darts(let optimizer): optimizer.operationProbabilities
        case .gdas(let optimizer): optimizer.operationProbabilities
        case .randomWeightSharing(let optimizer): optimizer.operationProbabilities
        case .enas(let optimizer): optimizer.operationProbabilities
        }
    }

    mutating func step(_ supernet: NB201Supernet, training: Batch, validation: Batch, context: OneShotStepContext)
        throws(SupernetError) -> OneShotStepResult
    {
        switch wrapped {
        case .darts(var optimizer):
            defer { wrapped = .darts(optimizer) }
            return try optimizer.step(supernet, training: training, validation: validation, context: context)
        case .gdas(var optimizer):
            defer { wrapped = .gdas(optimizer) }
            return try optimizer.step(supernet, training: training, validation: validation, context: context)
        case .randomWeightSharing(var optimizer):
            defer { wrapped = .randomWeightSharing(optimizer) }
            return try optimizer.step(supernet, training: training, validation: validation, context: context)
        case .enas(var optimizer):
            defer { wrapped = .enas(optimizer) }
            return try optimizer.step(supernet, training: training, validation: validation, context: context)
        }
    }

    mutating func derive(_ supernet: NB201Supernet, validation: [Batch]) -> NB201Architecture {
        switch wrapped {
        case .darts(var optimizer):
            defer { wrapped = .darts(optimizer) }
            return optimizer.derive(supernet, validation: validation)
        case .gdas(var optimizer):
            defer { wrapped = .gdas(optimizer) }
            return optimizer.derive(supernet, validation: validation)
        case .randomWeightSharing(var optimizer):
            defer { wrapped = .randomWeightSharing(optimizer) }
            return optimizer.derive(supernet, validation: validation)
        case .enas(var optimizer):
            defer { wrapped = .enas(optimizer) }
            return optimizer.derive(supernet, validation: validation)
        }
    }
}
