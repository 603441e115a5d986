/// Adjustment: the minutes' PDF/A (part 0) or an immediately adjusted paragraph's extract (part
/// = its § number) as sent for signing (its bytes in `files`), the content it was
/// made from with that content's hash (printed in the PDF, so the signatures cover it), each
/// signature, and when the minutes were locked. Signatures, like the audit log, are never
/// changed or removed.
let migration0011Adjustment = Migration(version: 11, name: "adjustment") { kind in
    let blob = kind == .sqlite ? "BLOB" : "BYTEA"
    var statements = [
        """
        CREATE TABLE signed_minutes (
            meeting_id BIGINT NOT NULL REFERENCES meetings(id), part INTEGER NOT NULL, pdf_sha256 TEXT NOT NULL, content TEXT NOT NULL,
            content_sha256 TEXT NOT NULL, prepared_at TEXT NOT NULL, prepared_by TEXT NOT NULL, locked_at TEXT,
            PRIMARY KEY (meeting_id, part))
        """,
        """
        CREATE TABLE minutes_signatures (
            meeting_id BIGINT NOT NULL REFERENCES meetings(id), part INTEGER NOT NULL, role TEXT NOT NULL, person_id BIGINT,
            name TEXT NOT NULL, party TEXT, account TEXT NOT NULL, method TEXT NOT NULL, signed_at TEXT NOT NULL,
            document_sha256 TEXT NOT NULL, data \(blob) NOT NULL, PRIMARY KEY (meeting_id, part, role, name))
        """,
    ]
    switch kind {
    case .sqlite:
        statements += [
            "CREATE TRIGGER signatures_never_changed BEFORE UPDATE ON minutes_signatures BEGIN SELECT RAISE(ABORT, 'en underskrift kan inte ändras'); END",
            "CREATE TRIGGER signatures_never_deleted BEFORE DELETE ON minutes_signatures BEGIN SELECT RAISE(ABORT, 'en underskrift kan inte ändras'); END",
        ]
    case .postgres:
        statements += [
            "CREATE FUNCTION signatures_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'en underskrift kan inte ändras'; END $$",
            "CREATE TRIGGER signatures_never_changed BEFORE UPDATE OR DELETE ON minutes_signatures FOR EACH ROW EXECUTE FUNCTION signatures_refuse()",
        ]
    }
    return statements
}
