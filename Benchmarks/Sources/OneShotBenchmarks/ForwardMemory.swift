import Datasets
import Layers
import OneShot
import Tensors

/// The bytes one forward pass and its loss hold on a tape (``OneShot/SupernetStepMemory``): the activations
/// and saved tensors the backward pass will read, what an architecture step's forward pass costs in memory.
enum ForwardMemory {
    /// `supernet` on `batch` under the selections `selections` builds from the tape, training mode.
    static func heldBytes<Net: Supernet>(
        _ supernet: Net, on batch: Batch, selections: (Tape) -> [[EdgeSelection]]
    ) -> Int? {
        SupernetStepMemory().heldBytes { tape in
            let logits = supernet(tape.constant(batch.images), selections: selections(tape), mode: .training(seed: 0))
            return crossEntropy(logits: logits, labels: batch.labels)
        }
    }

    /// A stand-alone network on `batch`, training mode.
    static func heldBytes(_ network: some Layer, on batch: Batch) -> Int? {
        SupernetStepMemory().heldBytes { tape in
            let logits = network(tape.constant(batch.images), mode: .training(seed: 0))
            return crossEntropy(logits: logits, labels: batch.labels)
        }
    }

    /// The median of `repetitions` measurements, each with its own draw (`index` is the repetition), or nil when
    /// the allocator keeps no statistics.
    static func median(repetitions: Int, _ measure: (_ index: Int) -> Int?) -> Int? {
        var values: [Double] = []
        for index in 0..<repetitions {
            guard let bytes = measure(index) else { return nil }
            values.append(Double(bytes))
        }
        return Int(Timing.median(values))
    }
}
