/// Sums over axes.
enum Reduction {
    /// Sums `x` over `axes`; reduced axes keep extent 1 when `keepingDimensions`, else disappear.
    static func sum(_ x: Tensor, axes: [Int], keepingDimensions: Bool) -> Tensor {
        let rank = x.rank
        let axes = Set(axes)
        var kept = x.shape
        for axis in axes { kept[axis] = 1 }
        let outputCount = kept.reduce(1, *)
        var result = [Float](repeating: 0, count: outputCount)
        if !x.shape.isEmpty, x.count > 0 {
            let outStrides = Broadcasting.strides(of: kept, in: x.shape)
            let inner = x.shape[rank - 1]
            let innerStride = outStrides[rank - 1]
            x.scalars.withUnsafeBufferPointer { input in
                result.withUnsafeMutableBufferPointer { output in
                    var index = [Int](repeating: 0, count: rank)
                    var offset = 0
                    var position = 0
                    while position < input.count {
                        if innerStride == 0 {
                            var total: Float = 0
                            for j in 0..<inner { total += input[position + j] }
                            output[offset] += total
                        } else {
                            for j in 0..<inner { output[offset + j] += input[position + j] }
                        }
                        position += inner
                        var axis = rank - 2
                        while axis >= 0 {
                            index[axis] += 1
                            offset += outStrides[axis]
                            if index[axis] < x.shape[axis] { break }
                            offset -= outStrides[axis] * x.shape[axis]
                            index[axis] = 0
                            axis -= 1
                        }
                    }
                }
            }
        } else if x.count == 1 {
            result[0] = x.scalars[0]
        }
        let shape = keepingDimensions ? kept : x.shape.indices.filter { !axes.contains($0) }.map { x.shape[$0] }
        return Tensor(shape: shape, scalars: result)
    }
}
