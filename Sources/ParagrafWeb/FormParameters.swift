/// The parameters of an address's query as an HTML form sends them
/// (`application/x-www-form-urlencoded`): a `+` is a space and `%2B` a plus. Browsers send a
/// GET form's words joined by `+`, which Hummingbird's query parameters keep as a plus.
struct FormParameters: Sendable {
    let pairs: [(name: String, value: String)]

    init(query: String?) {
        pairs = (query ?? "").split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    func get(_ name: String) -> String? { pairs.first { $0.name == name }?.value }
    func getAll(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }
}
