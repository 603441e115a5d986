@testable import ParagrafWeb
import Testing

@Suite("Posted forms")
struct SubmittedFormTests {
    @Test("url-encoded fields and multipart parts with files are read; a broken body is named, not guessed at")
    func parse() throws {
        let encoded = try SubmittedForm.parse(contentType: "application/x-www-form-urlencoded", body: Array("a=1+2&b=%C3%A5&a=3".utf8))
        #expect(encoded.get("a") == "1 2" && encoded.getAll("a") == ["1 2", "3"] && encoded.get("b") == "å")

        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nRad ett\r\nrad två\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-\r\n--X\r\n"
            + "--XyZ--\r\n"
        let multipart = try SubmittedForm.parse(contentType: "multipart/form-data; boundary=\"XyZ\"", body: Array(body.utf8))
        #expect(multipart.get("title") == "Rad ett\r\nrad två")
        #expect(multipart.file("file")?.bytes == Array("%PDF-\r\n--X".utf8), "a near-boundary inside the file stays in the file")
        #expect(multipart.file("file")?.mediaType == "application/pdf")

        #expect(throws: SubmittedForm.Problem.malformed("gränsmarkeringen (boundary) saknas")) {
            try SubmittedForm.parse(contentType: "multipart/form-data", body: [])
        }
        #expect(throws: SubmittedForm.Problem.malformed("en del tar aldrig slut")) {
            try SubmittedForm.parse(contentType: "multipart/form-data; boundary=XyZ",
                                    body: Array("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end".utf8))
        }
        #expect(throws: SubmittedForm.Problem.self) { try SubmittedForm.parse(contentType: "application/json", body: Array("{}".utf8)) }
    }
}
