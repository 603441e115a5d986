import Foundation

/// The API's description, served at /openapi.yaml.
public enum OpenAPIDocument {
    public static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "OpenAPI") else {
            throw RenderError.templatesMissing("openapi.yaml")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
