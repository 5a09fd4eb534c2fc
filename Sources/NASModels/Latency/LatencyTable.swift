import NASSpaces

/// A per-layer latency lookup table of an MnasNet-like space, measured with the engine on one machine
/// (MnasNet's latency objective, Tan et al., CVPR 2019, § 3, made a lookup table as ProxylessNAS does, Cai, Zhu &
/// Han, ICLR 2019, § 3.3).
///
/// Each entry is the median wall-clock time of one unit's forward pass (``LatencyKey``) at the recorded batch
/// size, in evaluation mode, after warm-up. A network's predicted latency is the sum over its units: the stem,
/// every MBConv layer, the head and the classifier (``predictedLatency(of:)``). The table names the machine it
/// holds for; ``load(from:currentMachine:)`` refuses it elsewhere. `SearchSpaces/mnasnet/SPACE.md` has the
/// committed table's command and its check against measured end-to-end latencies.
public struct LatencyTable: Hashable, Codable, Sendable {
    /// One measured unit.
    public struct Entry: Hashable, Codable, Sendable {
        /// The key as text (`mbconv r32 c16->24 s2 e6 k5 se1 res0`), for readers of the file.
        public let layer: String
        public let key: LatencyKey
        /// The median forward time in milliseconds: the table's latency.
        public let milliseconds: Double
        /// The fastest forward time in milliseconds.
        public let minimumMilliseconds: Double

        public init(key: LatencyKey, milliseconds: Double, minimumMilliseconds: Double) {
            layer = key.description
            self.key = key
            self.milliseconds = milliseconds
            self.minimumMilliseconds = minimumMilliseconds
        }

        /// The median or the minimum.
        public func milliseconds(_ statistic: LatencyStatistic) -> Double {
            statistic == .median ? milliseconds : minimumMilliseconds
        }
    }

    /// How the table was measured.
    public struct Provenance: Hashable, Codable, Sendable {
        /// The machine, with the engine's thread counts while measuring.
        public let machine: MachineDescription
        /// `swift --version`'s first line, when it could be read.
        public let swiftVersion: String?
        /// The command line that measured the table.
        public let command: String
        /// When (ISO 8601, UTC).
        public let date: String
        /// Wall-clock seconds the measurement took.
        public let measuringSeconds: Double
        /// The images per forward pass.
        public let batchSize: Int
        /// Timed forward passes per entry (the median is kept).
        public let repetitions: Int
        /// Untimed forward passes before them.
        public let warmupRepetitions: Int
        /// The one-minute load average when measuring began (other processes on the cores), when readable.
        public let loadAverage: Double?

        public init(
            machine: MachineDescription, swiftVersion: String?, command: String, date: String,
            measuringSeconds: Double, batchSize: Int, repetitions: Int, warmupRepetitions: Int,
            loadAverage: Double? = nil
        ) {
            self.machine = machine
            self.swiftVersion = swiftVersion
            self.command = command
            self.date = date
            self.measuringSeconds = measuringSeconds
            self.batchSize = batchSize
            self.repetitions = repetitions
            self.warmupRepetitions = warmupRepetitions
            self.loadAverage = loadAverage
        }
    }

    /// The space's name (`"mnasnet"`).
    public let space: String
    /// The skeleton the keys come from.
    public let skeleton: MnasNetSkeleton
    /// The classifier's outputs.
    public let classes: Int
    public let provenance: Provenance
    /// The entries in key order.
    public let entries: [Entry]

    /// A table; entries are sorted by key.
    public init(space: String, skeleton: MnasNetSkeleton, classes: Int, provenance: Provenance, entries: [Entry]) {
        self.space = space
        self.skeleton = skeleton
        self.classes = classes
        self.provenance = provenance
        self.entries = entries.sorted { $0.key < $1.key }
    }

    /// The measured milliseconds of `key` (the median unless `statistic` says otherwise).
    ///
    /// - Throws: ``LatencyTableError`` naming the key when the table has no entry for it.
    /// - Complexity: O(log n) in the entries.
    public func latency(
        of key: LatencyKey, statistic: LatencyStatistic = .median, position: String = "layer"
    ) throws(LatencyTableError) -> Double {
        var (low, high) = (0, entries.count)
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        guard low < entries.count, entries[low].key == key else {
            throw LatencyTableError.missingKey(key, position: position)
        }
        return entries[low].milliseconds(statistic)
    }

    /// The predicted latency of `architecture`'s network in milliseconds: the sum of its units' entries (stem,
    /// every MBConv layer, head, classifier), medians unless `statistic` says otherwise.
    ///
    /// - Throws: ``LatencyTableError`` naming the first unit the table has no entry for (with its block and
    ///   layer), or the block-count mismatch.
    public func predictedLatency(
        of architecture: MnasNetArchitecture, statistic: LatencyStatistic = .median
    ) throws(LatencyTableError) -> Double {
        guard architecture.blocks.count == skeleton.blocks.count else {
            throw LatencyTableError(
                "the architecture has \(architecture.blocks.count) blocks but the latency table's skeleton has "
                    + "\(skeleton.blocks.count); use a table measured for this space: "
                    + LatencyTableError.measureCommand("FILE"))
        }
        var total = try latency(of: LatencyKey.stem(skeleton), statistic: statistic, position: "stem")
        for geometry in skeleton.layers(of: architecture) {
            total += try latency(
                of: LatencyKey(geometry), statistic: statistic,
                position: "block \(geometry.block), layer \(geometry.layer)")
        }
        total += try latency(of: LatencyKey.head(skeleton), statistic: statistic, position: "head")
        total += try latency(
            of: LatencyKey.classifier(skeleton, classes: classes), statistic: statistic, position: "classifier")
        return total
    }
}

/// Which of a table entry's timings to use.
public enum LatencyStatistic: String, Hashable, Codable, Sendable, CaseIterable {
    /// The median of the timed passes: the table's latency.
    case median
    /// The fastest pass: the cost with the cores to itself.
    case minimum
}
