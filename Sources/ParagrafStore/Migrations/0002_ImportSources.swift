/// Imported documents are kept whole: the source file's bytes by SHA-256, and on `documents`
/// whether a row is an import's source, and which source listed a handling, so that a corrected
/// version of a document can replace exactly what the earlier version brought in.
let migration0002ImportSources = Migration(version: 2, name: "import sources") { kind in
    [
        """
        CREATE TABLE files (
            sha256 TEXT PRIMARY KEY, media_type TEXT NOT NULL, byte_count BIGINT NOT NULL,
            content \(kind == .sqlite ? "BLOB" : "BYTEA") NOT NULL, created_at TEXT NOT NULL)
        """,
        "ALTER TABLE documents ADD COLUMN imported BOOLEAN NOT NULL DEFAULT FALSE",
        "ALTER TABLE documents ADD COLUMN listed_in BIGINT REFERENCES documents(id) ON DELETE CASCADE",
        "CREATE INDEX documents_by_sha256 ON documents (sha256)",
        "CREATE INDEX documents_by_listing ON documents (listed_in)",
    ]
}
