import Foundation

/// A posted form, read from its body: `application/x-www-form-urlencoded` or
/// `multipart/form-data` (RFC 7578) with uploaded files.
struct SubmittedForm: Sendable {
    struct File: Sendable {
        var field: String
        var fileName: String
        var mediaType: String
        var bytes: [UInt8]
    }

    private(set) var fields: [(name: String, value: String)] = []
    private(set) var files: [File] = []

    init(fields: [(name: String, value: String)] = [], files: [File] = []) {
        self.fields = fields
        self.files = files
    }

    func get(_ name: String) -> String? { fields.first { $0.name == name }?.value }
    func getAll(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }
    /// A field's value trimmed, nil when missing or blank.
    func text(_ name: String) -> String? {
        get(name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
    }
    func file(_ field: String) -> File? { files.first { $0.field == field && !($0.fileName.isEmpty && $0.bytes.isEmpty) } }
    /// Every file sent in a field (an input with `multiple`, or several inputs of one name), in order.
    func files(_ field: String) -> [File] { files.filter { $0.field == field && !($0.fileName.isEmpty && $0.bytes.isEmpty) } }

    enum Problem: Error, Equatable, CustomStringConvertible {
        case unsupportedType(String)
        case malformed(String)

        var description: String {
            switch self {
            case .unsupportedType(let type): return "Formuläret skickades som ”\(type)”, som Paragraf inte läser."
            case .malformed(let what): return "Formuläret gick inte att läsa: \(what)."
            }
        }
    }

    /// Reads a body by its Content-Type.
    static func parse(contentType: String?, body: [UInt8]) throws(Problem) -> SubmittedForm {
        let type = (contentType ?? "application/x-www-form-urlencoded")
        let lowered = type.lowercased()
        if lowered.hasPrefix("application/x-www-form-urlencoded") {
            let parameters = FormParameters(query: String(decoding: body, as: UTF8.self))
            return SubmittedForm(fields: parameters.pairs)
        }
        if lowered.hasPrefix("multipart/form-data") {
            guard let boundary = parameter("boundary", in: type), !boundary.isEmpty else {
                throw .malformed("gränsmarkeringen (boundary) saknas")
            }
            return try multipart(body, boundary: boundary)
        }
        throw .unsupportedType(type)
    }

    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    private static func multipart(_ body: [UInt8], boundary: String) throws(Problem) -> SubmittedForm {
        let delimiter = Array(("--" + boundary).utf8)
        var form = SubmittedForm()
        guard var start = find(delimiter, in: body, from: 0) else { throw .malformed("ingen del hittades") }
        while true {
            start += delimiter.count
            // "--" after a delimiter closes the body.
            if body.count >= start + 2, body[start] == 45, body[start + 1] == 45 { return form }
            guard body.count >= start + 2, body[start] == 13, body[start + 1] == 10 else { throw .malformed("en del saknar radslut") }
            start += 2
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: start) else { throw .malformed("en del saknar huvud") }
            let headers = String(decoding: body[start..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let next = find([13, 10] + delimiter, in: body, from: contentStart) else { throw .malformed("en del tar aldrig slut") }
            let content = Array(body[contentStart..<next])
            var disposition = ""
            var mediaType = "application/octet-stream"
            for line in headers.components(separatedBy: "\r\n") {
                let lower = line.lowercased()
                if lower.hasPrefix("content-disposition:") { disposition = String(line.dropFirst("content-disposition:".count)) }
                if lower.hasPrefix("content-type:") { mediaType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces) }
            }
            guard let name = parameter("name", in: disposition) else { throw .malformed("en del saknar namn") }
            if let fileName = parameter("filename", in: disposition) {
                // Browsers may send the whole path from Windows; only the name is the file's.
                let bare = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
                form.files.append(File(field: name, fileName: bare, mediaType: mediaType, bytes: content))
            } else {
                form.fields.append((name, String(decoding: content, as: UTF8.self)))
            }
            start = next + 2
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
