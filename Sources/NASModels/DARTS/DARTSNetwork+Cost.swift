import Layers
import Tensors

extension DARTSNetwork {
    /// The convolutions and linear layers of the network for inputs of `inputHeight` x `inputWidth`, each with its
    /// input size: the stem, every cell's preprocessing and operations, and the classifier; not the auxiliary head
    /// (it only runs in training, and DARTS leaves it out of the network's size).
    public func countedLayers(inputHeight: Int = 32, inputWidth: Int = 32) -> [CountedLayer] {
        var layers: [CountedLayer] = [.convolution(stemConvolution, inputHeight: inputHeight, inputWidth: inputWidth)]
        var sizes = [(inputHeight, inputWidth), (inputHeight, inputWidth)]  // s0's and s1's
        for cell in cells {
            let first = Self.countedLayers(of: cell.preprocess0, inputHeight: sizes[0].0, inputWidth: sizes[0].1)
            let second = Self.countedLayers(of: cell.preprocess1, inputHeight: sizes[1].0, inputWidth: sizes[1].1)
            layers += first.layers + second.layers
            let stateSize = (second.height, second.width)
            var outputSize = stateSize
            for (operation, input) in zip(cell.operations, cell.inputs) {
                // States 0 and 1 have the preprocessed size; nodes have the cell's output size.
                let size = input < 2 ? stateSize : outputSize
                let counted = Self.countedLayers(of: operation, inputHeight: size.0, inputWidth: size.1)
                layers += counted.layers
                if input < 2 { outputSize = (counted.height, counted.width) }
            }
            sizes = [sizes[1], outputSize]
        }
        return layers + [.linear(classifier)]
    }

    /// Trainable parameters (the auxiliary head's excluded, as DARTS's `utils.count_parameters_in_MB` excludes
    /// names containing "auxiliary") and multiply-adds per example for `inputHeight` x `inputWidth` inputs.
    ///
    /// DARTS_V2 with C = 36 and 20 cells on CIFAR-10: 3,349,342 parameters (`count_parameters_in_MB` over
    /// `model.py`: 3.349342 MB, the paper's 3.3M). With NASKit's default (C = 16, 8 cells): 246,106.
    public func cost(inputHeight: Int = 32, inputWidth: Int = 32) -> ModelCost {
        let counted = parameters.filter { !$0.name.contains("auxiliary") }
        return ModelCost(
            parameters: counted, countedLayers: countedLayers(inputHeight: inputHeight, inputWidth: inputWidth))
    }

    /// The auxiliary head's trainable parameters (0 without one).
    public var auxiliaryParameterCount: Int {
        auxiliaryHead?.trainableParameterCount ?? 0
    }

    /// The convolutions and linear layers of a layer built by ``DARTSOperation/makeLayer(channels:stride:affine:batchNormAfterPooling:name:using:)``
    /// or ``DARTSPreprocessing/makeLayer(inputChannels:outputChannels:reducesResolution:affine:name:using:)``,
    /// for an input of `inputHeight` x `inputWidth`, and the output's size. Walks sequences; knows convolutions,
    /// pooling, ``DARTSFactorizedReduce`` and ``DARTSZero``; any other layer keeps the size and counts nothing.
    public static func countedLayers(
        of layer: any Layer, inputHeight: Int, inputWidth: Int
    ) -> (layers: [CountedLayer], height: Int, width: Int) {
        switch layer {
        case let sequence as Sequential:
            var result: (layers: [CountedLayer], height: Int, width: Int) = ([], inputHeight, inputWidth)
            for inner in sequence.layers {
                let counted = countedLayers(of: inner, inputHeight: result.height, inputWidth: result.width)
                result = (result.layers + counted.layers, counted.height, counted.width)
            }
            return result
        case let convolution as Conv2D:
            let size = convolution.outputSize(inputHeight: inputHeight, inputWidth: inputWidth)
            return ([.convolution(convolution, inputHeight: inputHeight, inputWidth: inputWidth)], size.height, size.width)
        case let pool as MaxPool2D:
            return ([], pooled(inputHeight, pool.kernelSize, pool.stride, pool.padding), pooled(inputWidth, pool.kernelSize, pool.stride, pool.padding))
        case let pool as AvgPool2D:
            return ([], pooled(inputHeight, pool.kernelSize, pool.stride, pool.padding), pooled(inputWidth, pool.kernelSize, pool.stride, pool.padding))
        case let reduce as DARTSFactorizedReduce:
            return ([
                .convolution(reduce.firstConvolution, inputHeight: inputHeight, inputWidth: inputWidth),
                .convolution(reduce.secondConvolution, inputHeight: inputHeight - 1, inputWidth: inputWidth - 1),
            ], inputHeight / 2, inputWidth / 2)
        case let zero as DARTSZero:
            return ([], (inputHeight + zero.stride - 1) / zero.stride, (inputWidth + zero.stride - 1) / zero.stride)
        default:
            return ([], inputHeight, inputWidth)
        }
    }

    static func pooled(_ size: Int, _ kernel: Int, _ stride: Int, _ padding: Int) -> Int {
        (size + 2 * padding - kernel) / stride + 1
    }
}
