import ArgumentParser
import Tensors


/// `nasrun`: the NASKit command line.
@main
struct NASRun: ParsableCommand {
    static func main() {
        MemoryReuse.keepFreedMemory()  // see MemoryReuse: a third of a training step went to page faults
        EngineThreading.useEngineWorkers()  // see EngineThreading: OpenBLAS's spinning threads cost a sixth
        main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "nasrun",
        abstract: "Neural architecture search on one CPU machine.",
        subcommands: [
            SearchCommand.self, ExperimentCommand.self, TrainCommand.self, TabulateCommand.self,
            TabulateMergeCommand.self, PredictorsCommand.self, ProxiesCommand.self, OneShotCommand.self, OneShotReportCommand.self, ProxylessCommand.self, ProxylessReportCommand.self, CorrelateCommand.self,
            SpacesCommand.self, SpacesShowCommand.self, TablesBestCommand.self, ImportCommand.self, Environment.self, TrainGraphCommand.self, LatencyTableCommand.self,
        ],
        defaultSubcommand: SearchCommand.self
    )
}

/// `nasrun environment`: what this build runs on.
struct Environment: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the BLAS library and thread count in use.")

    func run() throws {
        print("blas: OpenBLAS \(GEMM.coreName), \(GEMM.threadCount) thread(s); engine workers: \(EngineThreading.workerCount)")
    }
}
