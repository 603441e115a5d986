/// Absences members report before a meeting; the ersättare to call are worked out from these and
/// the calling order whenever they are shown, so that they always follow the latest report.
let migration0009Absences = Migration(version: 9, name: "absences", sql: [
    """
    CREATE TABLE absences (
        meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, person_id BIGINT NOT NULL REFERENCES persons(id),
        reported_at TEXT NOT NULL, reported_by TEXT NOT NULL, PRIMARY KEY (meeting_id, person_id))
    """,
])
