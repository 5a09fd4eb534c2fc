import TabularBenchmarks
import Testing

@Suite("TabularBenchmarkError")
struct TabularBenchmarkErrorTests {
    @Test("describes itself by its message")
    func message() {
        #expect("\(TabularBenchmarkError("nb201.h5 has no metric val_acc"))" == "nb201.h5 has no metric val_acc")
    }
}
