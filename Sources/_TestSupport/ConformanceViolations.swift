/// Collects violation messages up to a limit, then counts the rest.
struct Violations {
    let limit: Int
    private(set) var recorded: [String] = []
    private(set) var omitted = 0

    init(limit: Int) {
        self.limit = limit
    }

    mutating func add(_ message: String?) {
        guard let message else { return }
        if recorded.count < limit {
            recorded.append(message)
        } else {
            omitted += 1
        }
    }

    var messages: [String] {
        omitted == 0 ? recorded : recorded + ["... and \(omitted) more violations"]
    }
}
