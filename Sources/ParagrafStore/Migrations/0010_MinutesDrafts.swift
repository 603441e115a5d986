/// Minutes being written, from the opening of the meeting until they are adjusted: kept whole as
/// JSON with a version, so that two people writing at once cannot overwrite each other unseen.
/// Nothing here is public; adjusted minutes move into the minutes tables.
let migration0010MinutesDrafts = Migration(version: 10, name: "minutes drafts", sql: [
    """
    CREATE TABLE minutes_drafts (
        meeting_id BIGINT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE, body TEXT NOT NULL, version INTEGER NOT NULL,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
])
