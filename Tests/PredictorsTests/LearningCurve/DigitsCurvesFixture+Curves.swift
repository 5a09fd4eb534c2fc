import Predictors

extension DigitsCurvesFixture {
    /// The recorded runs as learning curves (20 epochs each).
    static func curves() throws -> [LearningCurve] {
        try runs.map { run in
            try LearningCurve(trainingLosses: run.trainingLosses, validationAccuracies: run.validationAccuracies)
        }
    }

    /// Each run's validation accuracy after its last (20th) epoch.
    static var finalValidationAccuracies: [Double] { runs.map { $0.validationAccuracies.last! } }

    /// The epochs every run was trained for.
    static let epochs = 20
}
