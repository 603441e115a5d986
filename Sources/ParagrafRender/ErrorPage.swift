/// A page saying, in Swedish, what went wrong.
public struct ErrorPage: Page {
    public static let template = "error"
    public var title: String
    public var message: String

    public init(title: String, message: String) {
        self.title = title
        self.message = message
    }
}
