import Foundation
import Testing

/// The predictor and tabulation commands' refusals: exact first line of standard error and a failing exit.
@Suite(
    "nasrun predictors, proxies, tabulate, correlate: bad input",
    .enabled(if: FileManager.default.fileExists(atPath: "data/tables/nb201.h5"), "needs Scripts/setup.sh's tables"))
struct PredictorCommandsTests {
    @Test("each names the problem and the choices", arguments: [
        (["predictors", "--predictors", "svm"],
         "Error: unknown predictor 'svm'; choose from: all (the model-based ones), mlp-ensemble, gaussian-process, bayesian-linear-regression, random-forest, xgboost, ngboost, gcn, sotl, sotle, valacc, lce, synflow, snip, grasp, …"),
        (["predictors", "--sizes", "10,x"], "Error: --sizes takes integers separated by commas (got '10,x')"),
        (["proxies", "--proxies", "foo"],
         "Error: --proxies: unknown proxy 'foo'; choose from synflow, snip, grasp, …"),
        (["tabulate", "--output", "/tmp/naskit-never-made", "--shard", "3/2"],
         "Error: --shard takes i/n with 0 <= i < n (got '3/2')"),
        (["tabulate", "--output", "/tmp/naskit-never-made", "--architectures", "some"],
         "Error: --architectures takes all or sample:N:SEED (got 'some')"),
        (["tabulate-merge", "/nonexistent", "--output", "/tmp/naskit-never-made.h5"],
         "Error: /nonexistent is not a tabulation directory: /nonexistent/tabulation.json is missing (nasrun tabulate writes it)"),
        (["correlate", "--table", "data/tables/nb201.h5", "--dataset", "cifar10", "--metric", "test_accuracy",
          "--with", "data/tables/graph.h5"],
         "Error: nb201.h5 is a table of nb201 and graph.h5 of graph; correlate tables of one space"),
    ])
    func refusals(arguments: [String], message: String) throws {
        let result = try CommandLineRunner.run(arguments)
        #expect(result.status != 0)
        let first = result.standardError.split(separator: "\n").first.map(String.init) ?? ""
        if message.hasSuffix("…") {  // a list that grows with the proxies: its opening
            #expect(first.hasPrefix(message.dropLast()), "\(first)")
        } else {
            #expect(first == message)
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/naskit-never-made"))
    }

    @Test("correlate reproduces the NB201 fact: 12-epoch validation vs 200-epoch test accuracy, Spearman 0.7718")
    func correlate() throws {
        let result = try CommandLineRunner.run([
            "correlate", "--table", "data/tables/nb201.h5", "--dataset", "cifar10", "--metric", "valid_accuracy",
            "--with-metric", "test_accuracy", "--with-epoch", "200",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
            nb201.h5 cifar10/valid_accuracy@12 vs nb201.h5 cifar10/test_accuracy@200: 15625 architectures
            Kendall tau 0.5944, Spearman rho 0.7718, Pearson r 0.8991

            """)
    }

    @Test("NASKit's Fashion-MNIST table, as the set-up rebuilds it, ranks cells like NB201's CIFAR-10 table as its README states")
    func fashionMNISTTable() throws {
        let result = try CommandLineRunner.run([
            "correlate", "--table", "data/tables/nb201-fashion-mnist.h5", "--dataset", "fashion-mnist", "--metric",
            "test_accuracy", "--with", "data/tables/nb201.h5", "--with-dataset", "cifar10",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
            nb201-fashion-mnist.h5 fashion-mnist/test_accuracy@12 vs nb201.h5 cifar10/test_accuracy@200: 295 architectures
            Kendall tau 0.4827, Spearman rho 0.6562, Pearson r 0.9156

            """)
    }
}
