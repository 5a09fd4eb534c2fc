import Layers
import NASSpaces
import Seeding
import Tensors

/// The candidate operations `operations` of an NB201 supernet edge (C → C, stride 1), as
/// NAS-Bench-201's search cells build them (xautodl `SearchCell` over `OPS`): `none` is nil (never computed, see
/// ``MixedEdge``), `skip_connect` the identity, `avg_pool_3x3` 3x3 average pooling (stride 1, padding 1, padding
/// not counted), `nor_conv_1x1` and `nor_conv_3x3` ReLU-convolution(no bias)-batch norm.
///
/// The batch norms of the search are not affine and keep no running statistics (every pass uses the batch's),
/// the setting of DARTS's search and of NAS-Bench-201's one-shot experiments: the architecture weights, not a
/// learned scale, decide how much an operation counts.
func nb201CandidateOperations(
    _ operations: [NB201Operation], channels: Int, name: String, using rng: inout some RandomNumberGenerator
) -> [(any Layer)?] {
    operations.map { operation -> (any Layer)? in
        let path = "\(name).\(operation.name)"
        switch operation {
        case .none:
            return nil
        case .skipConnect:
            return IdentityOperation(name: path)
        case .averagePool3x3:
            return AvgPool2D(kernelSize: 3, stride: 1, padding: 1, countingPadding: false, name: path)
        case .convolution1x1, .convolution3x3:
            let kernel = operation == .convolution1x1 ? 1 : 3
            return Sequential(name: path, [
                ReLU(),
                Conv2D(
                    inputChannels: channels, outputChannels: channels, kernelSize: kernel, padding: kernel / 2,
                    bias: false, name: path + ".conv", using: &rng),
                BatchNorm(channels: channels, affine: false, trackingRunningStatistics: false, name: path + ".bn"),
            ])
        }
    }
}
