import Layers
import Seeding
import Tensors
import Training

extension MLPTraining {
    /// Trains one meta network with the engine's general machinery: `Linear` and `ReLU` layers in a
    /// `Sequential`, a new `Tape` per batch, the loss from tape ops (`abs`, `*`, `mean`), and `Adam`.
    ///
    /// The reference for ``train(from:workspace:using:)``: the same initial parameters, shuffles, batches, loss
    /// and Adam arithmetic, so both give the same weights up to rounding (the tests check it). It is several
    /// times slower on these tiny layers (every op allocates its result and records a closure), so fits use
    /// the fused path; the benchmark times both.
    ///
    /// - Complexity: O(epochs · rows · parameters), plus a constant per op.
    func trainOnTape(from parameters: [Float], using rng: inout some RandomNumberGenerator) -> [Float] {
        var unused = Xoshiro256(seed: 0)  // Linear draws initial values; they are replaced below.
        var layers: [any Layer] = []
        var linears: [Linear] = []
        for layer in 0..<layout.layerCount {
            let linear = Linear(
                inputSize: layout.inputs(of: layer), outputSize: layout.outputs(of: layer), name: "layer\(layer)",
                using: &unused)
            let weightStart = layout.weightOffset(of: layer)
            let biasStart = layout.biasOffset(of: layer)
            linear.weight.value = Tensor(
                shape: linear.weight.shape, scalars: Array(parameters[weightStart..<biasStart]))
            linear.bias?.value = Tensor(
                shape: [layout.outputs(of: layer)],
                scalars: Array(parameters[biasStart..<(biasStart + layout.outputs(of: layer))]))
            linears.append(linear)
            layers.append(linear)
            if layer < layout.hiddenLayers { layers.append(ReLU()) }
        }
        let network = Sequential(name: "mlp", layers)
        var adam = Adam(beta1: Self.beta1, beta2: Self.beta2, epsilon: Self.epsilon)
        var order = Array(0..<rowCount)
        let batch = min(batchSize, rowCount)
        let columns = layout.inputSize
        for _ in 0..<epochs {
            order.seededShuffle(using: &rng)
            for start in stride(from: 0, to: rowCount, by: batch) {
                let rows = Array(order[start..<min(start + batch, rowCount)])
                var encodings: [Float] = []
                encodings.reserveCapacity(rows.count * columns)
                for row in rows { encodings += inputs[(row * columns)..<((row + 1) * columns)] }
                let tape = Tape()
                let input = tape.constant(Tensor(shape: [rows.count, columns], scalars: encodings))
                let prediction = network(input, mode: .training(seed: 0)).reshaped([rows.count])
                let target = Variable(Tensor(shape: [rows.count], scalars: rows.map { targets.standardized[$0] }))
                let weight = Variable(Tensor(shape: [rows.count], scalars: rows.map { targets.weights[$0] }))
                let loss = (abs(prediction - target) * weight).mean()
                adam.update(
                    network.trainableParameters, gradients: tape.gradients(of: loss), learningRate: learningRate)
            }
        }
        var trained: [Float] = []
        trained.reserveCapacity(layout.parameterCount)
        for linear in linears {
            trained += linear.weight.value.scalars
            trained += linear.bias?.value.scalars ?? []
        }
        return trained
    }
}
