/// Each committee's diary series per year keeps the last serial it gave, so that a number is
/// never given twice, even after a case is removed (the diary's numbers are public record).
let migration0006DiarySeries = Migration(version: 6, name: "diary series", sql: [
    """
    CREATE TABLE diary_series (
        committee_id BIGINT NOT NULL REFERENCES committees(id), year INTEGER NOT NULL, last_serial INTEGER NOT NULL,
        PRIMARY KEY (committee_id, year))
    """,
])
