/// Polls `condition` until it holds or about five seconds have passed; returns its last value.
///
/// For state another task updates asynchronously (e.g. the server side of a closed socket);
/// asserts on the outcome, never on how long it took.
func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<500 {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
