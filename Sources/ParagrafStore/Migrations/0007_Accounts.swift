/// Staff accounts with their roles, and signed-in sessions. A session is kept under the SHA-256
/// of its cookie value, so that a copy of the database does not let anyone sign in as its holder.
let migration0007Accounts = Migration(version: 7, name: "accounts and sessions", sql: [
    """
    CREATE TABLE accounts (
        id %ID%, username TEXT NOT NULL UNIQUE, name TEXT NOT NULL, password_hash TEXT,
        person_id BIGINT REFERENCES persons(id), disabled BOOLEAN NOT NULL DEFAULT FALSE,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
    """
    CREATE TABLE account_grants (
        account_id BIGINT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE, role TEXT NOT NULL,
        committee_id BIGINT REFERENCES committees(id))
    """,
    "CREATE UNIQUE INDEX account_grants_once ON account_grants (account_id, role, COALESCE(committee_id, 0))",
    "CREATE TABLE sessions (key_hash TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at TEXT)",
    "CREATE INDEX sessions_by_expiry ON sessions (expires_at)",
])
