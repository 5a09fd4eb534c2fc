import CXGBoost
import NASCore

/// Every call into XGBoost's C API (`xgboost/c_api.h`, Debian's libxgboost-dev 1.7.4): training a booster on a
/// dense matrix, saving it as JSON, and predicting from a saved model. Handles never leave this file; each
/// failure becomes a ``SearchError`` carrying `XGBGetLastError()`'s message.
enum XGBoostLibrary {
    /// Trains a booster for `rounds` rounds on `features` (rows × columns, row-major) and `labels`, with
    /// `parameters` (name, value) set in order, and returns the model in XGBoost's JSON format.
    ///
    /// - Throws: ``SearchError`` naming the call that failed and XGBoost's message (e.g. an invalid parameter).
    static func train(
        features: [Float], rows: Int, columns: Int, labels: [Float], parameters: [(String, String)], rounds: Int
    ) throws(SearchError) -> String {
        let matrix = try DenseMatrix(features, rows: rows, columns: columns)
        try check("XGDMatrixSetFloatInfo(label)") {
            labels.withUnsafeBufferPointer {
                XGDMatrixSetFloatInfo(matrix.handle, "label", $0.baseAddress, bst_ulong(rows))
            }
        }
        let booster = try Booster(training: matrix)
        for (name, value) in parameters {
            try check("XGBoosterSetParam(\(name), \(value))") { XGBoosterSetParam(booster.handle, name, value) }
        }
        for round in 0..<rounds {
            try check("XGBoosterUpdateOneIter(\(round))") {
                XGBoosterUpdateOneIter(booster.handle, Int32(round), matrix.handle)
            }
        }
        var length: bst_ulong = 0
        var bytes: UnsafePointer<CChar>?
        try check("XGBoosterSaveModelToBuffer") {
            XGBoosterSaveModelToBuffer(booster.handle, #"{"format": "json"}"#, &length, &bytes)
        }
        guard let bytes else { throw SearchError("XGBoost: XGBoosterSaveModelToBuffer returned no model") }
        let buffer = UnsafeBufferPointer(
            start: UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: Int(length))
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The predictions of the JSON `model` for `features` (rows × columns, row-major).
    ///
    /// - Throws: ``SearchError`` naming the call that failed and XGBoost's message.
    static func predict(model: String, features: [Float], rows: Int, columns: Int) throws(SearchError) -> [Float] {
        guard rows > 0 else { return [] }
        let matrix = try DenseMatrix(features, rows: rows, columns: columns)
        let booster = try Booster(training: nil)
        let bytes = Array(model.utf8)
        try check("XGBoosterLoadModelFromBuffer") {
            bytes.withUnsafeBytes { XGBoosterLoadModelFromBuffer(booster.handle, $0.baseAddress, bst_ulong($0.count)) }
        }
        try check("XGBoosterSetParam(nthread, 1)") { XGBoosterSetParam(booster.handle, "nthread", "1") }
        var length: bst_ulong = 0
        var result: UnsafePointer<Float>?
        try check("XGBoosterPredict") { XGBoosterPredict(booster.handle, matrix.handle, 0, 0, 0, &length, &result) }
        guard let result, Int(length) == rows else {
            throw SearchError("XGBoost: XGBoosterPredict returned \(length) values for \(rows) rows")
        }
        return Array(UnsafeBufferPointer(start: result, count: rows))
    }

    /// Runs `call`; a non-zero status becomes an error with XGBoost's last message.
    private static func check(_ name: String, _ call: () -> Int32) throws(SearchError) {
        guard call() == 0 else {
            let message = XGBGetLastError().map { String(cString: $0) } ?? "no message"
            throw SearchError("XGBoost: \(name) failed: \(message)")
        }
    }

    /// A DMatrix, freed with its owner.
    private final class DenseMatrix {
        let handle: DMatrixHandle?

        init(_ values: [Float], rows: Int, columns: Int) throws(SearchError) {
            precondition(
                values.count == rows * columns, "XGBoostLibrary: \(rows) x \(columns) needs \(rows * columns) values")
            var handle: DMatrixHandle?
            // NaN marks a missing value; encodings have none.
            let status = values.withUnsafeBufferPointer {
                XGDMatrixCreateFromMat($0.baseAddress, bst_ulong(rows), bst_ulong(columns), .nan, &handle)
            }
            guard status == 0 else {
                let message = XGBGetLastError().map { String(cString: $0) } ?? "no message"
                throw SearchError("XGBoost: XGDMatrixCreateFromMat failed: \(message)")
            }
            self.handle = handle
        }

        deinit { XGDMatrixFree(handle) }
    }

    /// A booster, freed with its owner.
    private final class Booster {
        let handle: BoosterHandle?

        init(training matrix: DenseMatrix?) throws(SearchError) {
            var handle: BoosterHandle?
            var matrices: [DMatrixHandle?] = matrix.map { [$0.handle] } ?? []
            let status = matrices.withUnsafeMutableBufferPointer {
                XGBoosterCreate($0.baseAddress, bst_ulong($0.count), &handle)
            }
            guard status == 0 else {
                let message = XGBGetLastError().map { String(cString: $0) } ?? "no message"
                throw SearchError("XGBoost: XGBoosterCreate failed: \(message)")
            }
            self.handle = handle
        }

        deinit { XGBoosterFree(handle) }
    }
}
