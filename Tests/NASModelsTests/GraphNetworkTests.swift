import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import Testing
import _TestSupport

/// The NAS-Bench-Graph macro network: parameter counts by hand (the benchmark's `para` is checked against the
/// table in TabulationTests), the canonical form it builds, and its forward pass on a 4-node graph.
@Suite("Graph network")
struct GraphNetworkTests {
    let space = GraphSpace()

    func network(
        _ text: String, inputSize: Int = 1433, classCount: Int = 7, hiddenSize: Int = 256, dropout: Float = 0.7
    ) throws -> GraphNetwork {
        var rng = Xoshiro256(seed: 0)
        return GraphNetwork(
            architecture: try space.parse(text), inputSize: inputSize, classCount: classCount,
            configuration: GraphNetworkConfiguration(hiddenSize: hiddenSize, dropout: dropout), using: &rng)
    }

    @Test("Cora's best architecture has 765,703 parameters, counted by hand")
    func coraBestParameterCount() throws {
        let network = try network("links=[0,1,2,2] ops=fc,gat,gcn,graph")
        let (features, hidden, classes) = (1433, 256, 7)
        let fc = features * hidden + hidden  // layer 1 reads the raw features
        let gat = hidden * hidden + 3 * hidden  // W, a_src, a_dst, bias
        let gcn = hidden * hidden + hidden
        let graph = 2 * hidden * hidden + hidden  // W_rel with its bias, W_root
        let norms = 4 * 2 * hidden  // every layer's batch normalisation, used or not
        let output = 2 * hidden * hidden + hidden  // leaves 3 and 4, concatenated
        let post = hidden * classes + classes
        #expect(network.trainableParameterCount == fc + gat + gcn + graph + norms + output + post)
        #expect(network.trainableParameterCount == 765_703)
    }

    @Test("a skip leaf on the input is built as the benchmark's canonical form: skip first, the rest after it")
    func canonicalSkip() throws {
        let network = try network("links=[0,0,0,0] ops=skip,gcn,gcn,gcn")
        #expect(network.architecture.description == "links=[0,1,1,1] ops=skip,gcn,gcn,gcn")
        // Three GCNs on the raw features (the skip keeps them raw), three leaves into the output layer.
        let expected = 3 * (1433 * 256 + 256) + 4 * 512 + (3 * 256 * 256 + 256) + (256 * 7 + 7)
        #expect(network.trainableParameterCount == expected)
    }

    @Test("ARMA's unused recurrent weight and every batch normalisation count, as PyTorch's parameters() does")
    func unusedParametersCount() throws {
        let network = try network("links=[0,1,2,3] ops=arma,skip,skip,skip")
        #expect(network.architecture.description == "links=[0,1,2,3] ops=skip,skip,skip,arma")
        let arma = 2 * 1433 * 256 + 256 + 256 * 256
        #expect(network.trainableParameterCount == arma + 4 * 512 + (256 * 256 + 256) + (256 * 7 + 7))
    }

    @Test("the forward pass gives (N, classes) logits; evaluation is deterministic, training follows the seed")
    func forward() throws {
        let adjacency = SparsityPattern(rows: 4, columns: 4, edges: [(0, 1), (1, 0), (1, 2), (2, 1), (1, 3), (3, 1)])
        let structure = GraphStructure(adjacency: adjacency)
        let features = SparsityPattern(rows: 4, columns: 3, edges: [(0, 0), (1, 1), (2, 2), (3, 0), (3, 2)])
        let values = Tensor(shape: [5], scalars: [1, 1, 1, 0.5, 0.5])
        for text in ["links=[0,1,2,2] ops=fc,gat,gcn,graph", "links=[0,0,1,3] ops=cheb,sage,arma,gin"] {
            // Dropout 0.2: at the benchmark's 0.7 the five input values of this tiny graph are often all dropped.
            let network = try network(text, inputSize: 3, classCount: 2, hiddenSize: 8, dropout: 0.2)
            let evaluate = { network(features: (features, Variable(values)), structure: structure, mode: .evaluation) }
            #expect(evaluate().shape == [4, 2])
            #expect(evaluate().value == evaluate().value)
            let train = { (seed: UInt64) in
                network(features: (features, Variable(values)), structure: structure, mode: .training(seed: seed))
                    .value
            }
            #expect(train(1) == train(1))
            #expect(train(1) != train(2))  // other dropout masks
        }
    }
}
