import Foundation
import Layers
import Seeding
import Tensors
import Testing

@Suite("Safetensors")
struct SafetensorsTests {
    func model(seed: UInt64) -> Sequential {
        var rng = Xoshiro256(seed: seed)
        return Sequential([
            Conv2D(inputChannels: 3, outputChannels: 4, kernelSize: 3, name: "stem.conv", using: &rng),
            Linear(inputSize: 4, outputSize: 2, name: "classifier", using: &rng),
            Parameterized(Parameter(name: "stem.bn.running_var", value: Tensor(repeating: 1, shape: [4]), isTrainable: false)),
        ])
    }

    /// A layer that only owns a buffer, to put one in the model.
    final class Parameterized: Layer {
        let name = ""
        let parameters: [Parameter]
        init(_ parameter: Parameter) { parameters = [parameter] }
        func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable { input }
    }

    @Test("the bytes of a small file match the format by hand")
    func exactBytes() throws {
        let bytes = Safetensors.encode(["b": Tensor(shape: [1], scalars: [1]), "a": Tensor(shape: [2, 1], scalars: [-2, 0.5])])
        let json = #"{"a":{"data_offsets":[0,8],"dtype":"F32","shape":[2,1]},"b":{"data_offsets":[8,12],"dtype":"F32","shape":[1]}}"#
        let padded = json + String(repeating: " ", count: (8 - json.utf8.count % 8) % 8)
        var expected: [UInt8] = [UInt8(padded.utf8.count), 0, 0, 0, 0, 0, 0, 0] + Array(padded.utf8)
        expected += [0x00, 0x00, 0x00, 0xC0]  // -2.0 little-endian
        expected += [0x00, 0x00, 0x00, 0x3F]  // 0.5
        expected += [0x00, 0x00, 0x80, 0x3F]  // 1.0
        #expect(bytes == expected)
        #expect(padded.utf8.count % 8 == 0)
    }

    @Test("a file written by Python's safetensors 0.8.0 (safetensors.numpy.save) decodes, metadata included")
    func pythonGolden() throws {
        // save({"b": np.array([1], float32), "a": np.array([[-2], [0.5]], float32)}, metadata={"format": "pt"}).
        // Its JSON has unsorted entry keys ("dtype", "shape", "data_offsets"); NASKit's own bytes, built in
        // `exactBytes`, load in the same library with np.array([[-2], [0.5]]) and [1].
        let hex = "90000000000000007b225f5f6d657461646174615f5f223a7b22666f726d6174223a227074227d2c2261223a7b2264"
            + "74797065223a22463332222c227368617065223a5b322c315d2c22646174615f6f666673657473223a5b302c385d7d2c22"
            + "62223a7b226474797065223a22463332222c227368617065223a5b315d2c22646174615f6f666673657473223a5b382c31"
            + "325d7d7d202020000000c00000003f0000803f"
        let bytes = stride(from: 0, to: hex.count, by: 2).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
        }
        let (tensors, metadata) = try Safetensors.decode(bytes)
        #expect(metadata == ["format": "pt"])
        #expect(tensors == ["a": Tensor(shape: [2, 1], scalars: [-2, 0.5]), "b": Tensor(shape: [1], scalars: [1])])
    }

    @Test("parameters and buffers round-trip, and saving twice gives identical bytes")
    func roundTrip() throws {
        let source = model(seed: 1)
        let first = try Safetensors.encode(source.parameters, metadata: ["format": "pt"])
        #expect(try Safetensors.encode(source.parameters, metadata: ["format": "pt"]) == first)
        #expect(try Safetensors.encode(model(seed: 1).parameters, metadata: ["format": "pt"]) == first)

        let target = model(seed: 2)
        #expect(target.parameters[0].value != source.parameters[0].value)
        let metadata = try Safetensors.load(into: target.parameters, from: first)
        #expect(metadata == ["format": "pt"])
        #expect(target.parameters.map(\.value) == source.parameters.map(\.value))
        #expect(try Safetensors.encode(target.parameters, metadata: ["format": "pt"]) == first)
    }

    @Test("save and load through a file")
    func file() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naskit-safetensors-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("model.safetensors")
        let source = model(seed: 3)
        try Safetensors.save(source.parameters, to: url)
        let target = model(seed: 4)
        try Safetensors.load(into: target.parameters, contentsOf: url)
        #expect(target.parameters.map(\.value) == source.parameters.map(\.value))
    }

    @Test("a shape mismatch names the parameter and both shapes, and changes nothing")
    func shapeMismatch() throws {
        let bytes = try Safetensors.encode(model(seed: 1).parameters)
        var rng = Xoshiro256(seed: 5)
        let other = Sequential([
            Conv2D(inputChannels: 3, outputChannels: 4, kernelSize: 5, name: "stem.conv", using: &rng),
            Linear(inputSize: 4, outputSize: 2, name: "classifier", using: &rng),
        ])
        let before = other.parameters.map(\.value)
        let error = #expect(throws: SafetensorsError.self) { try Safetensors.load(into: other.parameters, from: bytes, allowingUnexpected: true) }
        #expect(error == .shapeMismatch(name: "stem.conv.weight", parameterShape: [4, 3, 5, 5], storedShape: [4, 3, 3, 3]))
        #expect(error?.description == "safetensors: parameter 'stem.conv.weight' has shape [4, 3, 5, 5] but the file stores [4, 3, 3, 3]")
        #expect(other.parameters.map(\.value) == before)
    }

    @Test("a missing name is named; unexpected tensors are an error unless allowed")
    func missingAndUnexpected() throws {
        var rng = Xoshiro256(seed: 6)
        let small = Linear(inputSize: 4, outputSize: 2, name: "classifier", using: &rng)
        let full = model(seed: 1)
        let smallBytes = try Safetensors.encode(small.parameters)
        let missing = #expect(throws: SafetensorsError.self) { try Safetensors.load(into: full.parameters, from: smallBytes) }
        #expect(missing == .missingTensor(name: "stem.conv.weight", available: 2))
        #expect(missing?.description.contains("no tensor named 'stem.conv.weight'") == true)

        let fullBytes = try Safetensors.encode(full.parameters)
        let unexpected = #expect(throws: SafetensorsError.self) { try Safetensors.load(into: small.parameters, from: fullBytes) }
        #expect(unexpected == .unexpectedTensors(["stem.bn.running_var", "stem.conv.bias", "stem.conv.weight"]))
        try Safetensors.load(into: small.parameters, from: fullBytes, allowingUnexpected: true)
        #expect(small.weight.value == full.parameters[2].value)
    }

    @Test("malformed data: truncation, bad JSON, another dtype, duplicate names")
    func malformed() throws {
        let bytes = Safetensors.encode(["a": Tensor(shape: [2], scalars: [1, 2])])
        #expect(throws: SafetensorsError.self) { try Safetensors.decode(Array(bytes.prefix(5))) }
        let cut = #expect(throws: SafetensorsError.self) { try Safetensors.decode(Array(bytes.dropLast(1))) }
        #expect(cut == .truncated("tensor 'a' ends at byte 8 of a data section of 7 bytes"))

        func file(header: String, data: [UInt8] = []) -> [UInt8] {
            [UInt8(header.utf8.count), 0, 0, 0, 0, 0, 0, 0] + Array(header.utf8) + data
        }
        let notJSON = #expect(throws: SafetensorsError.self) { try Safetensors.decode(file(header: "{oops")) }
        if case .invalidHeader = notJSON {} else { Issue.record("expected invalidHeader, got \(String(describing: notJSON))") }
        let half = #expect(throws: SafetensorsError.self) {
            try Safetensors.decode(file(header: #"{"h":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0]))
        }
        #expect(half == .unsupportedDataType(name: "h", dataType: "F16"))
        let wrongSize = #expect(throws: SafetensorsError.self) {
            try Safetensors.decode(file(header: #"{"x":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, data: Array(repeating: 0, count: 8)))
        }
        #expect(wrongSize?.description.contains("needs 12 bytes") == true)

        let twins = [Parameter(name: "w", value: Tensor(zeros: [1])), Parameter(name: "w", value: Tensor(zeros: [1]))]
        #expect(throws: SafetensorsError.duplicateName("w")) { try Safetensors.encode(twins) }
        let shared = Parameter(name: "w", value: Tensor(zeros: [1]))
        #expect(try Safetensors.decode(Safetensors.encode([shared, shared])).tensors.count == 1)
    }

    @Test("special values survive: NaN payloads, infinities, signed zero, subnormals")
    func specialValues() throws {
        let values: [Float] = [.nan, .infinity, -.infinity, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        let decoded = try Safetensors.decode(Safetensors.encode(["v": Tensor(shape: [6], scalars: values)])).tensors["v"]!
        #expect(decoded.scalars.map(\.bitPattern) == values.map(\.bitPattern))
    }
}
