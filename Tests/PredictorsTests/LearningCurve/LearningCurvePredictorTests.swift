import NASCore
import Predictors
import Testing

/// The refusals every learning-curve predictor shares (the bad-input requirement): exact messages.
@Suite("LearningCurvePredictor")
struct LearningCurvePredictorTests {
    static let accuraciesOnly = try! LearningCurve(trainingLosses: nil, validationAccuracies: [0.3, 0.5, 0.6])
    static let lossesOnly = try! LearningCurve(trainingLosses: [2.0, 1.5, 1.2], validationAccuracies: nil)

    @Test("SoTL refuses a curve without training losses, naming the metric and the curve")
    func missingMetric() {
        #expect(throws: SearchError(
            "SoTL reads the training loss; curve 1 has none: record it, or use a predictor that reads only what "
                + "the curve has"))
        {
            try SumOfTrainingLosses(epochs: 3).predict(curves: [Self.lossesOnly, Self.accuraciesOnly], targetEpoch: 20)
        }
        #expect(throws: SearchError(
            "curve extrapolation reads the validation accuracy; curve 0 has none: record it, or use a predictor "
                + "that reads only what the curve has"))
        {
            try CurveExtrapolation(epochs: 3).predict(curves: [Self.lossesOnly], targetEpoch: 20)
        }
    }

    @Test("a predictor asked for more epochs than a curve has is refused with both counts")
    func tooShort() {
        #expect(throws: SearchError(
            "last validation accuracy reads 5 epochs of validation accuracy per curve; curve 0 has 3: train "
                + "longer, or use a predictor made for 3 epochs"))
        {
            try LastValidationAccuracy(epochs: 5).predict(curves: [Self.accuraciesOnly], targetEpoch: 20)
        }
        #expect(throws: SearchError(
            "SoTL-E (E = 1) reads 4 epochs of training loss per curve; curve 0 has 3: train longer, or use a "
                + "predictor made for 3 epochs"))
        {
            try SumOfTrainingLosses(epochs: 4, lastEpochs: 1).predict(curves: [Self.lossesOnly], targetEpoch: 20)
        }
    }

    @Test("a target epoch before the epochs read is refused")
    func targetBeforeCurve() {
        #expect(throws: SearchError(
            "curve extrapolation reads 3 epochs per curve and cannot predict epoch 2 before them; ask for epoch 3 "
                + "or later"))
        {
            try CurveExtrapolation(epochs: 3).predict(curves: [Self.accuraciesOnly], targetEpoch: 2)
        }
    }

    @Test("a curve is refused when its metrics disagree in length, an accuracy is not a fraction, or both are missing")
    func invalidCurves() {
        #expect(throws: SearchError(
            "a learning curve has 2 training losses but 3 validation accuracies; give one of each per epoch"))
        {
            try LearningCurve(trainingLosses: [1, 2], validationAccuracies: [0.1, 0.2, 0.3])
        }
        #expect(throws: SearchError(
            "the validation accuracy of epoch 2 is 45.0, outside 0...1; give accuracies as fractions"))
        {
            try LearningCurve(trainingLosses: nil, validationAccuracies: [0.3, 45])
        }
        #expect(throws: SearchError(
            "a learning curve needs training losses or validation accuracies; both are missing"))
        {
            try LearningCurve(trainingLosses: nil, validationAccuracies: nil)
        }
    }

    @Test("every predictor declares the epochs it reads and no training set")
    func requirements() {
        let predictors: [any LearningCurvePredictor] = [
            SumOfTrainingLosses(epochs: 7), SumOfTrainingLosses(epochs: 7, lastEpochs: 2),
            LastValidationAccuracy(epochs: 7), CurveExtrapolation(epochs: 7),
        ]
        for predictor in predictors {
            #expect(predictor.requirements.learningCurveEpochs == 7)
            #expect(predictor.requirements.minimumTrainingSize == 0)
            #expect(predictor.requirements.encoding == nil)
        }
    }
}
