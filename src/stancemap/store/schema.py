"""Recorded, idempotent schema migrations.

Each migration has a version number and SQL written once for every supported database: the
placeholders ``{id}`` (auto-increment key), ``{blob}`` and ``{real}`` are filled in by the dialect.
Applied versions are recorded in ``schema_migrations``; opening a store applies the missing ones
in order, each in its own transaction.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "documents, sentences and extracted records with provenance",
        [
            """CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                title TEXT, author TEXT, publisher TEXT, published TEXT, lang TEXT,
                source TEXT, content_hash TEXT NOT NULL UNIQUE, raw_hash TEXT,
                chars INTEGER NOT NULL, words INTEGER NOT NULL,
                text TEXT NOT NULL, meta TEXT, signature {blob}, ingested_at TEXT NOT NULL)""",
            """CREATE TABLE sentences (
                doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
                PRIMARY KEY (doc, idx))""",
            """CREATE TABLE mentions (
                id {id}, doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                sent INTEGER, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, surface TEXT NOT NULL,
                code TEXT, sector TEXT, person TEXT, kind TEXT, confidence {real}, rule TEXT)""",
            """CREATE TABLE events (
                id {id}, doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                sent INTEGER, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, evidence TEXT NOT NULL,
                source TEXT, source_sector TEXT, target TEXT, target_sector TEXT,
                type TEXT NOT NULL, cameo TEXT, negated INTEGER NOT NULL, modality TEXT NOT NULL,
                date TEXT, issue TEXT, quad_class INTEGER, weight {real}, predicate TEXT,
                background INTEGER NOT NULL DEFAULT 0, confidence {real}, rule TEXT)""",
            """CREATE TABLE stances (
                id {id}, doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                sent INTEGER, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, evidence TEXT NOT NULL,
                actor TEXT NOT NULL, actor_sector TEXT, issue TEXT NOT NULL, stance TEXT NOT NULL,
                date TEXT, confidence {real}, rule TEXT)""",
            """CREATE TABLE claims (
                id {id}, doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                sent INTEGER, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, evidence TEXT NOT NULL,
                subject TEXT, indicator TEXT NOT NULL, value {real} NOT NULL, unit TEXT NOT NULL,
                qualifier TEXT, period TEXT, surface TEXT)""",
            """CREATE TABLE contradictions (
                id {id}, about TEXT NOT NULL, kind TEXT NOT NULL, note TEXT,
                a_doc TEXT NOT NULL, a_start INTEGER, a_end INTEGER, a_evidence TEXT NOT NULL, a_value TEXT,
                b_doc TEXT NOT NULL, b_start INTEGER, b_end INTEGER, b_evidence TEXT NOT NULL, b_value TEXT)""",
            """CREATE TABLE duplicates (
                doc TEXT PRIMARY KEY, duplicate_of TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                similarity {real} NOT NULL, source TEXT, found_at TEXT NOT NULL)""",
            """CREATE TABLE doc_bands (
                band INTEGER NOT NULL, hash TEXT NOT NULL,
                doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                PRIMARY KEY (band, hash, doc))""",
            "CREATE INDEX mentions_doc ON mentions(doc)",
            "CREATE INDEX events_doc ON events(doc)",
            "CREATE INDEX events_source ON events(source, target)",
            "CREATE INDEX stances_doc ON stances(doc)",
            "CREATE INDEX stances_actor ON stances(actor, issue)",
            "CREATE INDEX claims_doc ON claims(doc)",
        ],
    ),
    (
        2,
        "mention heads, for linking events and stances to the phrase that names the actor",
        ["ALTER TABLE mentions ADD COLUMN head INTEGER"],
    ),
    (
        3,
        "cross-document reconciliation: event and claim clusters, the person behind an event's source",
        [
            "ALTER TABLE events ADD COLUMN source_person TEXT",
            "ALTER TABLE events ADD COLUMN cluster INTEGER",
            "ALTER TABLE claims ADD COLUMN cluster INTEGER",
            """CREATE TABLE event_clusters (
                id INTEGER PRIMARY KEY, source TEXT, source_sector TEXT, target TEXT, target_sector TEXT,
                type TEXT NOT NULL, negated INTEGER NOT NULL, issue TEXT, date TEXT, date_min TEXT, date_max TEXT,
                quad_class INTEGER, weight {real}, mentions INTEGER NOT NULL, documents INTEGER NOT NULL,
                docs TEXT NOT NULL, evidence TEXT NOT NULL, evidence_doc TEXT NOT NULL)""",
            """CREATE TABLE claim_clusters (
                id INTEGER PRIMARY KEY, subject TEXT, indicator TEXT NOT NULL, unit TEXT NOT NULL,
                value_min {real}, value_max {real}, mentions INTEGER NOT NULL, documents INTEGER NOT NULL,
                docs TEXT NOT NULL)""",
            "CREATE INDEX events_cluster ON events(cluster)",
        ],
    ),
    (
        4,
        "indexes for answering questions about one actor",
        [
            "CREATE INDEX event_clusters_source ON event_clusters(source)",
            "CREATE INDEX event_clusters_target ON event_clusters(target)",
            "CREATE INDEX claims_subject ON claims(subject)",
        ],
    ),
    (
        5,
        "which extractor produced a document's records, so that an upgraded extractor re-reads it",
        ["ALTER TABLE documents ADD COLUMN extractor TEXT"],
    ),
    (
        6,
        "what became of a document's extraction (ok, timeout, failed, language) and why",
        [
            "ALTER TABLE documents ADD COLUMN extraction TEXT NOT NULL DEFAULT 'ok'",
            "ALTER TABLE documents ADD COLUMN extraction_note TEXT",
        ],
    ),
    (
        7,
        "a score for each contradiction, so that they can be ranked and cut at a threshold",
        ["ALTER TABLE contradictions ADD COLUMN score {real}"],
    ),
    (
        8,
        "official voting records: resolutions and each state's recorded vote, with the file and line they came from",
        [
            """CREATE TABLE resolutions (
                id {id}, symbol TEXT NOT NULL, res_key TEXT NOT NULL UNIQUE, body TEXT, date TEXT, title TEXT,
                draft TEXT, meeting TEXT, undl_id TEXT, total_yes INTEGER, total_no INTEGER, total_abstain INTEGER,
                total_non_voting INTEGER, total_members INTEGER, issues TEXT, source TEXT NOT NULL, line INTEGER,
                doc TEXT, start_char INTEGER, end_char INTEGER)""",
            """CREATE TABLE official_votes (
                id {id}, res_key TEXT NOT NULL, symbol TEXT NOT NULL, body TEXT, date TEXT,
                state TEXT NOT NULL, name TEXT, vote TEXT NOT NULL, source TEXT NOT NULL, line INTEGER NOT NULL,
                undl_id TEXT, doc TEXT, start_char INTEGER, end_char INTEGER, evidence TEXT)""",
            "CREATE INDEX official_votes_state ON official_votes(state, res_key)",
            "CREATE INDEX official_votes_res ON official_votes(res_key)",
            "CREATE INDEX official_votes_source ON official_votes(source)",
        ],
    ),
    (
        9,
        "indexes for a store of a day's news: an actor's votes, documents by extraction status",
        [
            "CREATE INDEX events_source_predicate ON events(source, predicate)",
            "CREATE INDEX documents_extraction ON documents(extraction)",
        ],
    ),
    (
        10,
        "indexes for an answer on a large store: an actor's most confident records, its votes",
        [
            "CREATE INDEX stances_actor_confidence ON stances(actor, confidence)",
            "CREATE INDEX stances_actor_rule ON stances(actor, rule)",
            "CREATE INDEX events_source_confidence ON events(source, confidence)",
            "CREATE INDEX events_target_confidence ON events(target, confidence)",
        ],
    ),
    (
        11,
        "acts between each actor and each power by month, summed by reconcile for the report's chart",
        [
            """CREATE TABLE acts_by_month (
                actor TEXT NOT NULL,
                power TEXT NOT NULL,
                month TEXT NOT NULL,
                weight {real} NOT NULL,
                acts INTEGER NOT NULL,
                PRIMARY KEY (actor, power, month)
            )""",
            "CREATE TABLE derived_state (name TEXT PRIMARY KEY, refreshed_at TEXT NOT NULL)",
        ],
    ),
]
