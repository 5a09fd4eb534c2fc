// LearningCurveBenchmarks: records real learning curves on the UCI digits and measures the learning-curve
// predictors on them (Docs/Predictors/LearningCurves.md reports the numbers).
//
//     cd Benchmarks && swift run -c release LearningCurveBenchmarks [--fixture PATH] [--seeds N] [--diagnose]
//         [--flat-schedule]
//
// For k = 3, 5, 10 of E = 20 epochs: each predictor's Spearman ρ and Kendall τ with the final (epoch-20)
// validation accuracy and with the test accuracy, across the runs; the extrapolation's mean absolute error at
// epoch E against the recorded validation accuracy, next to the last-value baseline's. --diagnose prints each
// run's extrapolation at k = 5 and 10 with its three heaviest models.
import Foundation
import NASCore
import Predictors

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let totalEpochs = 20
let seedCount = Int(option("--seeds") ?? "2") ?? 2
// --flat-schedule: the cosine schedule is planned over 2,000 epochs, so the 20 recorded ones run at ≥ 99.9% of the
// peak learning rate (a near-constant rate, the setting of Domhan et al.'s curves).
let scheduledEpochs = arguments.contains("--flat-schedule") ? 2000 : totalEpochs
print("learning-rate schedule: cosine over \(scheduledEpochs) epochs, \(totalEpochs) recorded")
let data = try DigitsLearningCurves.splits(path: "../" + "data/digits/digits.csv.gz")
print("digits: \(data.train.count) training, \(data.validation.count) validation, \(data.test.count) test images")

var runs: [DigitsLearningCurves.Run] = []
let start = Date()
for setting in DigitsLearningCurves.grid(seedCount: seedCount) {
    let run = try DigitsLearningCurves.record(
        setting, scheduledEpochs: scheduledEpochs, recordedEpochs: totalEpochs, on: data)
    runs.append(run)
    print(String(
        format: "widths %@ lr %.3f seed %d: val %.4f (epoch 1) %.4f (epoch %d), test %.4f",
        "\(setting.widths)", setting.learningRate, setting.seed, run.curve.validationAccuracies![0],
        run.curve.validationAccuracies![totalEpochs - 1], totalEpochs, run.testAccuracy))
}
print(String(
    format: "recorded %d runs of %d epochs in %.1f s", runs.count, totalEpochs, Date().timeIntervalSince(start)))
if let path = option("--fixture") {
    let command = "cd Benchmarks && swift run -c release LearningCurveBenchmarks --fixture \(path)"
    try Fixture.source(runs, epochs: totalEpochs, command: command).write(
        toFile: path, atomically: true, encoding: .utf8)
    print("wrote \(path)")
}

let curves = runs.map(\.curve)
let finalValidation = runs.map { $0.curve.validationAccuracies![totalEpochs - 1] }
let test = runs.map(\.testAccuracy)
print("")
print("predictor                    k   ρ(val E)  τ(val E)  ρ(test)  τ(test)  MAE@E    ms/curve")
for k in [3, 5, 10] {
    let predictors: [any LearningCurvePredictor] = [
        SumOfTrainingLosses(epochs: k), SumOfTrainingLosses(epochs: k, lastEpochs: 1),
        LastValidationAccuracy(epochs: k), CurveExtrapolation(epochs: k),
    ]
    for predictor in predictors {
        let clock = Date()
        let scores = try predictor.predict(curves: curves, targetEpoch: totalEpochs).map(\.mean)
        let milliseconds = 1000 * Date().timeIntervalSince(clock) / Double(curves.count)
        let estimates = predictor is SumOfTrainingLosses ? nil : scores
        let meanError = estimates.map { zip($0, finalValidation).map { abs($0 - $1) }.reduce(0, +) / Double($0.count) }
        let paddedName = predictor.name.padding(toLength: 26, withPad: " ", startingAt: 0)
        print(paddedName + String(
            format: " %2d   %7.3f   %7.3f  %7.3f  %7.3f  %@  %7.2f",
            k, RankCorrelation.spearman(scores, finalValidation), RankCorrelation.kendallTau(scores, finalValidation),
            RankCorrelation.spearman(scores, test), RankCorrelation.kendallTau(scores, test),
            meanError.map { String(format: "%.4f", $0) } ?? "   -  ", milliseconds))
    }
}
if arguments.contains("--diagnose") {
    for k in [5, 10] {
        let extrapolation = CurveExtrapolation(epochs: k)
        for (index, curve) in curves.enumerated() {
            let values = Array(curve.validationAccuracies!.prefix(k))
            let fits = extrapolation.admissibleFits(values: values, targetEpoch: totalEpochs)
            let weights = extrapolation.weights(of: fits)
            let prediction = try extrapolation.predict(curves: [curve], targetEpoch: totalEpochs)[0]
            let top = zip(fits, weights).sorted { $0.1 > $1.1 }.prefix(3).map {
                String(format: "%@ %.2f→%.3f", $0.0.model.rawValue, $0.1, $0.0.value(at: Double(totalEpochs)))
            }
            print(String(format: "k %d run %2d last %.3f pred %.3f±%.3f true %.3f  ", k, index, values[k - 1],
                prediction.mean, prediction.standardDeviation, finalValidation[index]) + top.joined(separator: ", "))
        }
    }
}
