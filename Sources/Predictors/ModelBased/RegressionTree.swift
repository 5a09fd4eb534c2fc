import Seeding

/// A fitted CART regression tree (Breiman et al., "Classification and Regression Trees", 1984): binary splits
/// `x[feature] <= threshold`, leaves holding the mean target of their training samples. The base learner of the
/// random forest (and of NGBoost).
public struct RegressionTree: Hashable, Codable, Sendable {
    /// A node: a split (`feature >= 0`) or a leaf (`feature == -1`).
    public struct Node: Hashable, Codable, Sendable {
        /// The feature split on, or -1 for a leaf.
        public var feature: Int
        /// Samples with `x[feature] <= threshold` go left.
        public var threshold: Float
        /// The left and right children's positions in ``RegressionTree/nodes``.
        public var left: Int
        public var right: Int
        /// A leaf's value (the mean of its samples' targets).
        public var value: Double
    }

    /// The nodes, the root first.
    public let nodes: [Node]

    /// The tree's value for the row starting at `offset` of the row-major `features`.
    ///
    /// - Complexity: O(depth).
    func predict(_ features: UnsafeBufferPointer<Float>, offset: Int) -> Double {
        var node = nodes[0]
        while node.feature >= 0 {
            node = nodes[features[offset + node.feature] <= node.threshold ? node.left : node.right]
        }
        return node.value
    }
}

/// Grows CART regression trees by best squared-error splits, with scikit-learn's `DecisionTreeRegressor`
/// semantics (`splitter="best"`, `criterion="squared_error"`): at each node the features are visited in a random
/// order until `featuresPerSplit` non-constant ones have been evaluated (constant features do not count, so a
/// split is found whenever one exists); a node is split when it has at least `minimumSamplesSplit` samples and a
/// split leaves `minimumSamplesLeaf` on each side; the threshold is the midpoint between neighbouring values.
struct RegressionTreeBuilder {
    /// The training features, row-major (rows × columns).
    let features: [Float]
    let columns: Int
    /// The targets, one per row.
    let targets: [Double]
    let featuresPerSplit: Int
    let minimumSamplesSplit: Int
    let minimumSamplesLeaf: Int
    /// The deepest a leaf may be (root at depth 0), or `nil` for no limit.
    let maximumDepth: Int?

    /// A tree grown on `samples` (row indices, repeated rows for a bootstrap sample).
    ///
    /// - Complexity: O(featuresPerSplit · n log n) per tree level for n samples.
    func grow(samples: [Int], using rng: inout some RandomNumberGenerator) -> RegressionTree {
        var nodes: [RegressionTree.Node] = []
        var order = Array(0..<columns)
        // Depth-first with an explicit stack: (sample indices, depth, position of the node to fill).
        nodes.append(RegressionTree.Node(feature: -1, threshold: 0, left: -1, right: -1, value: 0))
        var stack: [([Int], Int, Int)] = [(samples, 0, 0)]
        while let (members, depth, position) = stack.popLast() {
            let mean = members.reduce(0) { $0 + targets[$1] } / Double(members.count)
            nodes[position].value = mean
            guard members.count >= minimumSamplesSplit, members.count >= 2 * minimumSamplesLeaf,
                maximumDepth.map({ depth < $0 }) ?? true,
                members.contains(where: { targets[$0] != targets[members[0]] }),
                let split = bestSplit(members, order: &order, using: &rng)
            else { continue }
            let left = members.filter { features[$0 * columns + split.feature] <= split.threshold }
            let right = members.filter { features[$0 * columns + split.feature] > split.threshold }
            nodes[position].feature = split.feature
            nodes[position].threshold = split.threshold
            nodes[position].left = nodes.count
            nodes[position].right = nodes.count + 1
            nodes.append(RegressionTree.Node(feature: -1, threshold: 0, left: -1, right: -1, value: 0))
            nodes.append(RegressionTree.Node(feature: -1, threshold: 0, left: -1, right: -1, value: 0))
            stack.append((right, depth + 1, nodes.count - 1))
            stack.append((left, depth + 1, nodes.count - 2))
        }
        return RegressionTree(nodes: nodes)
    }

    /// The split of `members` with the largest decrease of the squared error, or `nil` if none is valid.
    private func bestSplit(_ members: [Int], order: inout [Int], using rng: inout some RandomNumberGenerator)
        -> (feature: Int, threshold: Float)?
    {
        let count = members.count
        let total = members.reduce(0) { $0 + targets[$1] }
        var best: (score: Double, feature: Int, threshold: Float)?
        var evaluated = 0
        var drawn = 0
        var pairs = [(value: Float, target: Double)](repeating: (0, 0), count: count)
        // Fisher-Yates, one position at a time: the next feature is a uniform draw from those not yet visited.
        while evaluated < featuresPerSplit, drawn < columns {
            let pick = drawn + rng.uniformInt(below: columns - drawn)
            order.swapAt(drawn, pick)
            let feature = order[drawn]
            drawn += 1
            for (slot, member) in members.enumerated() {
                pairs[slot] = (features[member * columns + feature], targets[member])
            }
            pairs.sort { $0.value < $1.value }
            guard pairs[0].value < pairs[count - 1].value else { continue }  // constant here: does not count
            evaluated += 1
            var leftSum = 0.0
            for position in 1..<count {
                leftSum += pairs[position - 1].target
                guard pairs[position].value > pairs[position - 1].value,
                    position >= minimumSamplesLeaf, count - position >= minimumSamplesLeaf
                else { continue }
                let rightSum = total - leftSum
                // Maximising Σ_left² / n_left + Σ_right² / n_right minimises the children's squared error.
                let score = leftSum * leftSum / Double(position) + rightSum * rightSum / Double(count - position)
                if best.map({ score > $0.score }) ?? true {
                    var threshold = pairs[position - 1].value / 2 + pairs[position].value / 2
                    if threshold >= pairs[position].value { threshold = pairs[position - 1].value }  // rounding
                    best = (score, feature, threshold)
                }
            }
        }
        return best.map { ($0.feature, $0.threshold) }
    }
}
