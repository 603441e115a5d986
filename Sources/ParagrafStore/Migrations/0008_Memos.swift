/// Tjänsteskrivelser written in Paragraf: the current text of each case's memo. Earlier versions
/// are in the audit log.
let migration0008Memos = Migration(version: 8, name: "memos", sql: [
    """
    CREATE TABLE memos (
        case_id BIGINT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE, author TEXT NOT NULL, date TEXT NOT NULL,
        summary TEXT NOT NULL, proposed_clauses TEXT NOT NULL, basis TEXT NOT NULL, recipients TEXT NOT NULL,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
])
