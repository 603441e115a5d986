/// The first schema: organisation, diary, meetings, minutes and follow-up.
///
/// A meeting's date is null only for imported minutes that do not print it; `year` always holds
/// the year its paragraphs are numbered in.
/// Dates are `YYYY-MM-DD` text and timestamps ISO 8601 text on both backends, so that they
/// compare and sort the same way everywhere. A person named in minutes is stored as printed
/// (name, party) with a link to `persons` when known.
let migration0001InitialSchema = Migration(version: 1, name: "initial schema", sql: [
    """
    CREATE TABLE municipalities (
        id %ID%, name TEXT NOT NULL, code TEXT,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL,
        UNIQUE (name))
    """,
    """
    CREATE TABLE committees (
        id %ID%, municipality_id BIGINT NOT NULL REFERENCES municipalities(id),
        name TEXT NOT NULL, kind TEXT NOT NULL, abbreviation TEXT,
        parent_id BIGINT REFERENCES committees(id),
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL,
        UNIQUE (municipality_id, name))
    """,
    """
    CREATE TABLE persons (
        id %ID%, municipality_id BIGINT NOT NULL REFERENCES municipalities(id),
        name TEXT NOT NULL, party TEXT,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
    "CREATE INDEX persons_by_name ON persons (municipality_id, name)",
    """
    CREATE TABLE memberships (
        id %ID%, person_id BIGINT NOT NULL REFERENCES persons(id),
        committee_id BIGINT NOT NULL REFERENCES committees(id),
        role TEXT NOT NULL, term_from TEXT NOT NULL, term_to TEXT, calling_order INTEGER,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
    "CREATE INDEX memberships_by_committee ON memberships (committee_id)",
    "CREATE INDEX memberships_by_person ON memberships (person_id)",
    """
    CREATE TABLE officials (
        id %ID%, municipality_id BIGINT NOT NULL REFERENCES municipalities(id),
        name TEXT NOT NULL, title TEXT,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
    """
    CREATE TABLE cases (
        id %ID%, committee_id BIGINT NOT NULL REFERENCES committees(id),
        diary_number TEXT NOT NULL, classification TEXT, series TEXT, year INTEGER, serial TEXT NOT NULL,
        title TEXT NOT NULL, registered TEXT, handler TEXT, secret_provision TEXT, status TEXT NOT NULL,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL,
        UNIQUE (committee_id, diary_number))
    """,
    "CREATE INDEX cases_by_number ON cases (diary_number)",
    """
    CREATE TABLE meetings (
        id %ID%, committee_id BIGINT NOT NULL REFERENCES committees(id),
        date TEXT, year INTEGER NOT NULL, start_time TEXT, end_time TEXT, place TEXT, state TEXT NOT NULL,
        open_to_public BOOLEAN NOT NULL,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
    "CREATE INDEX meetings_by_committee ON meetings (committee_id, year, date)",
    "CREATE INDEX meetings_by_date ON meetings (date)",
    """
    CREATE TABLE documents (
        id %ID%, case_id BIGINT REFERENCES cases(id), meeting_id BIGINT REFERENCES meetings(id),
        kind TEXT NOT NULL, title TEXT NOT NULL, date TEXT, secret_provision TEXT,
        file_name TEXT, media_type TEXT, sha256 TEXT, byte_count BIGINT,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
    "CREATE INDEX documents_by_case ON documents (case_id)",
    "CREATE INDEX documents_by_meeting ON documents (meeting_id)",
    """
    CREATE TABLE agenda_items (
        id %ID%, meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,
        case_id BIGINT REFERENCES cases(id), is_public BOOLEAN NOT NULL, proposed_decision TEXT,
        UNIQUE (meeting_id, position))
    """,
    """
    CREATE TABLE notices (
        meeting_id BIGINT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        issued TEXT NOT NULL, group_meetings TEXT NOT NULL, signed_by TEXT NOT NULL)
    """,
    """
    CREATE TABLE minutes (
        meeting_id BIGINT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        chair_person_id BIGINT REFERENCES persons(id), chair_name TEXT, chair_party TEXT, secretary TEXT,
        adjustment_place TEXT, adjustment_date TEXT, has_adjustment BOOLEAN NOT NULL,
        announced_on TEXT, minutes_kept_at TEXT,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
    """
    CREATE TABLE adjusters (
        meeting_id BIGINT NOT NULL REFERENCES minutes(meeting_id) ON DELETE CASCADE,
        position INTEGER NOT NULL, person_id BIGINT REFERENCES persons(id), name TEXT NOT NULL, party TEXT)
    """,
    """
    CREATE TABLE signatures (
        meeting_id BIGINT NOT NULL REFERENCES minutes(meeting_id) ON DELETE CASCADE,
        position INTEGER NOT NULL, person_id BIGINT REFERENCES persons(id), name TEXT NOT NULL, party TEXT,
        role TEXT NOT NULL, signed_on TEXT NOT NULL, method TEXT)
    """,
    """
    CREATE TABLE attendances (
        meeting_id BIGINT NOT NULL REFERENCES minutes(meeting_id) ON DELETE CASCADE,
        position INTEGER NOT NULL, person_id BIGINT REFERENCES persons(id), name TEXT NOT NULL, party TEXT,
        role TEXT NOT NULL, replacing_person_id BIGINT REFERENCES persons(id), replacing_name TEXT, replacing_party TEXT,
        from_paragraph INTEGER, to_paragraph INTEGER)
    """,
    "CREATE INDEX attendances_by_meeting ON attendances (meeting_id)",
    "CREATE INDEX attendances_by_person ON attendances (person_id)",
    """
    CREATE TABLE official_attendances (
        meeting_id BIGINT NOT NULL REFERENCES minutes(meeting_id) ON DELETE CASCADE,
        position INTEGER NOT NULL, name TEXT NOT NULL, title TEXT, from_paragraph INTEGER, to_paragraph INTEGER)
    """,
    """
    CREATE TABLE paragraphs (
        id %ID%, meeting_id BIGINT NOT NULL REFERENCES minutes(meeting_id) ON DELETE CASCADE,
        committee_id BIGINT NOT NULL REFERENCES committees(id), year INTEGER NOT NULL, number INTEGER NOT NULL,
        title TEXT NOT NULL, case_id BIGINT REFERENCES cases(id), diary_number TEXT, classification TEXT,
        is_public BOOLEAN NOT NULL, decision_text TEXT NOT NULL, description TEXT, procedure_text TEXT, procedure_questions TEXT,
        immediately_adjusted BOOLEAN NOT NULL,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL,
        UNIQUE (committee_id, year, number))
    """,
    "CREATE INDEX paragraphs_by_meeting ON paragraphs (meeting_id, number)",
    "CREATE INDEX paragraphs_by_case ON paragraphs (case_id)",
    "CREATE INDEX paragraphs_by_diary_number ON paragraphs (diary_number)",
    """
    CREATE TABLE decision_clauses (
        paragraph_id BIGINT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, number INTEGER, text TEXT NOT NULL)
    """,
    "CREATE INDEX decision_clauses_by_paragraph ON decision_clauses (paragraph_id)",
    """
    CREATE TABLE basis_items (
        paragraph_id BIGINT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, text TEXT NOT NULL)
    """,
    "CREATE INDEX basis_items_by_paragraph ON basis_items (paragraph_id)",
    """
    CREATE TABLE recipients (
        paragraph_id BIGINT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, name TEXT NOT NULL)
    """,
    "CREATE INDEX recipients_by_paragraph ON recipients (paragraph_id)",
    """
    CREATE TABLE disqualifications (
        paragraph_id BIGINT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, person_id BIGINT REFERENCES persons(id), name TEXT NOT NULL, party TEXT, reason TEXT)
    """,
    "CREATE INDEX disqualifications_by_paragraph ON disqualifications (paragraph_id)",
    """
    CREATE TABLE proposals (
        id %ID%, paragraph_id BIGINT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, withdrawn BOOLEAN NOT NULL)
    """,
    "CREATE INDEX proposals_by_paragraph ON proposals (paragraph_id)",
    """
    CREATE TABLE proposal_authors (
        proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, person_id BIGINT REFERENCES persons(id), name TEXT NOT NULL, party TEXT)
    """,
    "CREATE INDEX proposal_authors_by_proposal ON proposal_authors (proposal_id)",
    "CREATE INDEX proposal_authors_by_person ON proposal_authors (person_id)",
    """
    CREATE TABLE votes (
        id %ID%, paragraph_id BIGINT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, kind TEXT NOT NULL, question TEXT, yes_means TEXT NOT NULL, no_means TEXT NOT NULL,
        lot_winner TEXT)
    """,
    "CREATE INDEX votes_by_paragraph ON votes (paragraph_id)",
    """
    CREATE TABLE ballots (
        vote_id BIGINT NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, person_id BIGINT REFERENCES persons(id), name TEXT NOT NULL, party TEXT,
        choice TEXT NOT NULL)
    """,
    "CREATE INDEX ballots_by_vote ON ballots (vote_id)",
    """
    CREATE TABLE reservations (
        id %ID%, paragraph_id BIGINT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, reasons TEXT)
    """,
    "CREATE INDEX reservations_by_paragraph ON reservations (paragraph_id)",
    """
    CREATE TABLE reservation_authors (
        reservation_id BIGINT NOT NULL REFERENCES reservations(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, person_id BIGINT REFERENCES persons(id), name TEXT NOT NULL, party TEXT)
    """,
    "CREATE INDEX reservation_authors_by_reservation ON reservation_authors (reservation_id)",
    "CREATE INDEX reservation_authors_by_person ON reservation_authors (person_id)",
    """
    CREATE TABLE statements (
        id %ID%, paragraph_id BIGINT NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL)
    """,
    "CREATE INDEX statements_by_paragraph ON statements (paragraph_id)",
    """
    CREATE TABLE statement_authors (
        statement_id BIGINT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        position INTEGER NOT NULL, person_id BIGINT REFERENCES persons(id), name TEXT NOT NULL, party TEXT)
    """,
    "CREATE INDEX statement_authors_by_statement ON statement_authors (statement_id)",
    """
    CREATE TABLE assignments (
        id %ID%, committee_id BIGINT NOT NULL REFERENCES committees(id),
        paragraph_id BIGINT REFERENCES paragraphs(id) ON DELETE SET NULL,
        receiver TEXT, text TEXT NOT NULL, report_back_by TEXT, status TEXT NOT NULL, closed_by_paragraph INTEGER,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
    "CREATE INDEX assignments_by_committee ON assignments (committee_id, report_back_by)",
    """
    CREATE TABLE referrals (
        id %ID%, committee_id BIGINT NOT NULL REFERENCES committees(id),
        direction TEXT NOT NULL, counterparts TEXT NOT NULL, title TEXT NOT NULL, diary_number TEXT,
        deadline TEXT NOT NULL, extensions TEXT NOT NULL,
        answered_by_paragraph BIGINT REFERENCES paragraphs(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
    "CREATE INDEX referrals_by_committee ON referrals (committee_id, deadline)",
    """
    CREATE TABLE delegated_decisions (
        id %ID%, committee_id BIGINT NOT NULL REFERENCES committees(id),
        decided_by TEXT NOT NULL, delegation_point TEXT NOT NULL, decided TEXT NOT NULL, title TEXT NOT NULL,
        diary_number TEXT, reported_at BIGINT REFERENCES meetings(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
    "CREATE INDEX delegated_decisions_by_committee ON delegated_decisions (committee_id, decided)",
    """
    CREATE TABLE notifications (
        id %ID%, committee_id BIGINT NOT NULL REFERENCES committees(id),
        title TEXT NOT NULL, sender TEXT, received TEXT NOT NULL, diary_number TEXT,
        reported_at BIGINT REFERENCES meetings(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL, modified_at TEXT NOT NULL)
    """,
    "CREATE INDEX notifications_by_committee ON notifications (committee_id, received)",
])
