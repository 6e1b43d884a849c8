"""The one store interface every stage writes through.

All SQL lives here and is written once, in a dialect-neutral form; a concrete store supplies the
connection and the :class:`Dialect` (placeholder style and type names). The embedded default is
SQLite (:mod:`.sqlite`); a PostgreSQL store plugs in with its own dialect and connection.

Guarantees:
* a document and all its rows are written in one transaction, or nothing is;
* re-saving a document with the same id and content is a no-op;
* every extracted row carries its document, character span and verbatim evidence.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

import numpy as np

from ..errors import StoreError
from ..model import Claim, Document, Event, Mention, Sentence, Stance
from .schema import MIGRATIONS

RECORD_TABLES = ("mentions", "events", "stances", "claims")
# The only tables :meth:`Store.rows` and :meth:`Store.count` read: a table name cannot be a bound
# parameter, so it is checked against this list before it is put into SQL.
READABLE_TABLES = (*RECORD_TABLES, "documents", "sentences", "contradictions", "duplicates", "event_clusters",
                   "claim_clusters", "resolutions", "official_votes")
RESOLUTION_COLUMNS = ("symbol", "res_key", "body", "date", "title", "draft", "meeting", "undl_id", "total_yes",
                      "total_no", "total_abstain", "total_non_voting", "total_members", "source", "line")
VOTE_COLUMNS = ("res_key", "symbol", "body", "date", "state", "name", "vote", "source", "line", "undl_id")


@dataclass(frozen=True)
class Dialect:
    name: str
    placeholder: str  # "?" or "%s"
    id_type: str
    blob_type: str
    real_type: str

    def sql(self, statement: str) -> str:
        out = statement.replace("{id}", self.id_type).replace("{blob}", self.blob_type)
        out = out.replace("{real}", self.real_type)
        return out.replace("?", self.placeholder) if self.placeholder != "?" else out


def _check_table(table: str) -> None:
    if table not in READABLE_TABLES:
        raise StoreError(f"unknown table {table!r}")


R = TypeVar("R", Event, Stance, Claim)


def _reading(records: list[R]) -> list[R]:
    """``records`` by where their evidence starts, ties kept in the order found."""
    return sorted(records, key=lambda r: (r.start, r.end))


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Store:
    """Base store: subclasses set ``self.conn`` (DB-API) and ``self.dialect``."""

    conn: Any
    dialect: Dialect
    location: str
    # The driver's own exception classes, turned into one-line StoreErrors (a lost server, a locked file).
    driver_errors: tuple[type[BaseException], ...] = ()

    # -- plumbing ---------------------------------------------------------------------------
    def _fail(self, err: BaseException) -> StoreError:
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        return StoreError(f"{self.location}: database error: {first}")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            cur = self.conn.cursor()
            cur.execute(self.dialect.sql(sql), tuple(params))
        except self.driver_errors as err:
            raise self._fail(err) from err
        return cur

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            try:
                cur = self.conn.cursor()
                cur.executemany(self.dialect.sql(sql), [tuple(r) for r in rows])
            except self.driver_errors as err:
                raise self._fail(err) from err

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Commit on success, roll back on any error (the document is stored whole or not at all)."""
        try:
            self.begin()
            yield
        except BaseException:
            with contextlib.suppress(*self.driver_errors):  # a lost connection cannot roll back; the server does
                self.conn.rollback()
            raise
        else:
            try:
                self.conn.commit()
            except self.driver_errors as err:
                raise self._fail(err) from err

    def begin(self) -> None:  # overridden where the driver needs an explicit BEGIN
        return None

    def lock_schema(self) -> None:
        """Inside a migration's transaction: keep other processes out until it commits (where the
        database's transactions do not already do so)."""
        return None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- migrations -------------------------------------------------------------------------
    def applied_migrations(self) -> list[int]:
        return [r["version"] for r in self.query("SELECT version FROM schema_migrations ORDER BY version")]

    def migrate(self) -> list[int]:
        """Apply missing migrations in order; returns the versions applied now."""
        with self.transaction():
            self.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                "name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        applied = []
        for version, name, statements in MIGRATIONS:
            if version in set(self.applied_migrations()):
                continue
            try:
                with self.transaction():
                    # Another process may have applied it while this one waited for the write lock.
                    self.lock_schema()
                    if version in set(self.applied_migrations()):
                        continue
                    for stmt in statements:
                        self.execute(stmt)
                    self.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, _now()))
            except Exception as err:
                raise StoreError(f"{self.location}: migration {version} ({name}) failed: {err}") from err
            applied.append(version)
        return applied

    # -- documents --------------------------------------------------------------------------
    def document_hash(self, doc_id: str) -> str | None:
        rows = self.query("SELECT content_hash FROM documents WHERE id = ?", (doc_id,))
        return rows[0]["content_hash"] if rows else None

    def document_extractor(self, doc_id: str) -> str | None:
        """The fingerprint of the extractor that produced the document's records (None: unknown)."""
        rows = self.query("SELECT extractor FROM documents WHERE id = ?", (doc_id,))
        return rows[0]["extractor"] if rows else None

    def document_extraction(self, doc_id: str) -> str | None:
        """What became of the stored document's extraction ("ok", "timeout", ...; None: not stored)."""
        rows = self.query("SELECT extraction FROM documents WHERE id = ?", (doc_id,))
        return rows[0]["extraction"] if rows else None

    def find_by_hash(self, content_hash: str) -> str | None:
        rows = self.query("SELECT id FROM documents WHERE content_hash = ?", (content_hash,))
        return rows[0]["id"] if rows else None

    def near_duplicate(self, sig: np.ndarray, band_hashes: list[str], threshold: float,
                       exclude: str | None = None) -> tuple[str, float] | None:
        """The most similar stored document at or above ``threshold``, via LSH band candidates."""
        from ..ingest.dedupe import similarity

        if not band_hashes:
            return None
        clauses = " OR ".join(["(band = ? AND hash = ?)"] * len(band_hashes))
        params: list[Any] = []
        for i, h in enumerate(band_hashes):
            params += [i, h]
        cands = {r["doc"] for r in self.query(f"SELECT DISTINCT doc FROM doc_bands WHERE {clauses}", params)}
        cands.discard(exclude)
        best: tuple[str, float] | None = None
        for doc_id in sorted(cands):
            row = self.query("SELECT signature FROM documents WHERE id = ?", (doc_id,))
            if not row or row[0]["signature"] is None:
                continue
            other = np.frombuffer(bytes(row[0]["signature"]), dtype=np.uint64)
            sim = similarity(sig, other)
            if sim >= threshold and (best is None or sim > best[1]):
                best = (doc_id, sim)
        return best

    def save_document(self, doc: Document, sig: np.ndarray | None = None,
                      band_hashes: list[str] | None = None, extractor: str | None = None) -> None:
        """Write ``doc`` and all its records in one transaction, replacing an older version."""
        with self.transaction():
            self.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
            for table in (*RECORD_TABLES, "sentences", "doc_bands"):
                self.execute(f"DELETE FROM {table} WHERE doc = ?", (doc.id,))
            self.execute(
                "INSERT INTO documents (id, title, author, publisher, published, lang, source, content_hash, "
                "raw_hash, chars, words, text, meta, signature, ingested_at, extractor, extraction, extraction_note) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, doc.title, doc.author, doc.publisher, doc.published, doc.lang, doc.source,
                 doc.content_hash, doc.raw_hash, len(doc.text), doc.words, doc.text,
                 json.dumps(doc.meta, ensure_ascii=False, sort_keys=True),
                 sig.tobytes() if sig is not None else None, _now(), extractor, doc.extraction,
                 doc.extraction_note),
            )
            self.executemany("INSERT INTO doc_bands (band, hash, doc) VALUES (?, ?, ?)",
                             [(i, h, doc.id) for i, h in enumerate(band_hashes or [])])
            self.executemany("INSERT INTO sentences (doc, idx, start_char, end_char) VALUES (?, ?, ?, ?)",
                             [(doc.id, s.idx, s.start, s.end) for s in doc.sentences])
            self._insert_records(doc)

    def _insert_records(self, doc: Document) -> None:
        """Records go in in reading order (by offset, stable), so that ids, exports and evidence tables read
        the document from top to bottom, whatever order the stages found them in."""
        t = doc.text
        self.executemany(
            "INSERT INTO mentions (doc, sent, start_char, end_char, surface, code, sector, person, kind, "
            "confidence, rule, head) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, m.sent, m.start, m.end, t[m.start:m.end], m.code, m.sector, m.person, m.kind,
              m.confidence, m.rule, m.head) for m in doc.mentions],
        )
        self.executemany(
            "INSERT INTO events (doc, sent, start_char, end_char, evidence, source, source_sector, target, "
            "target_sector, type, cameo, negated, modality, date, issue, quad_class, weight, predicate, "
            "background, confidence, rule, source_person) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, e.sent, e.start, e.end, t[e.start:e.end], e.source, e.source_sector, e.target,
              e.target_sector, e.type, e.cameo, int(e.negated), e.modality, e.date, e.issue, e.quad_class,
              e.weight, e.predicate, int(e.background), e.confidence, e.rule, e.source_person)
             for e in _reading(doc.events)],
        )
        self.executemany(
            "INSERT INTO stances (doc, sent, start_char, end_char, evidence, actor, actor_sector, issue, stance, "
            "date, confidence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, s.sent, s.start, s.end, t[s.start:s.end], s.actor, s.actor_sector, s.issue, s.stance,
              s.date, s.confidence, s.rule) for s in _reading(doc.stances)],
        )
        self.executemany(
            "INSERT INTO claims (doc, sent, start_char, end_char, evidence, subject, indicator, value, unit, "
            "qualifier, period, surface) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(doc.id, c.sent, c.start, c.end, t[c.start:c.end], c.subject, c.indicator, c.value, c.unit,
              c.qualifier, c.period, c.surface) for c in _reading(doc.claims)],
        )

    def replace_records(self, doc: Document) -> None:
        """Re-write a stored document's extracted records (after re-running extraction)."""
        with self.transaction():
            for table in (*RECORD_TABLES, "sentences"):
                self.execute(f"DELETE FROM {table} WHERE doc = ?", (doc.id,))
            self.execute("UPDATE documents SET extraction = ?, extraction_note = ? WHERE id = ?",
                         (doc.extraction, doc.extraction_note, doc.id))
            self.executemany("INSERT INTO sentences (doc, idx, start_char, end_char) VALUES (?, ?, ?, ?)",
                             [(doc.id, s.idx, s.start, s.end) for s in doc.sentences])
            self._insert_records(doc)

    def save_duplicate(self, doc_id: str, duplicate_of: str, similarity: float, source: str | None) -> None:
        with self.transaction():
            self.execute("DELETE FROM duplicates WHERE doc = ?", (doc_id,))
            self.execute("INSERT INTO duplicates (doc, duplicate_of, similarity, source, found_at) "
                         "VALUES (?, ?, ?, ?, ?)", (doc_id, duplicate_of, similarity, source, _now()))

    def documents(self, ids: Sequence[str] | None = None, records: bool = True) -> Iterator[Document]:
        """Stored documents, rebuilt as model objects (with their records unless ``records=False``)."""
        sql = "SELECT * FROM documents"
        params: list[Any] = []
        if ids:
            sql += " WHERE id IN (" + ", ".join("?" * len(ids)) + ")"
            params = list(ids)
        for row in self.query(sql + " ORDER BY id", params):
            doc = Document(
                id=row["id"], text=row["text"], title=row["title"], author=row["author"],
                publisher=row["publisher"], published=row["published"], lang=row["lang"],
                source=row["source"], content_hash=row["content_hash"], raw_hash=row["raw_hash"] or "",
                meta=json.loads(row["meta"] or "{}"), extraction=row["extraction"] or "ok",
                extraction_note=row["extraction_note"],
            )
            if records:
                self._load_records(doc)
            yield doc

    def _load_records(self, doc: Document) -> None:
        q = "SELECT * FROM {} WHERE doc = ? ORDER BY {}"
        doc.sentences = [Sentence(r["idx"], r["start_char"], r["end_char"])
                         for r in self.query(q.format("sentences", "idx"), (doc.id,))]
        doc.mentions = [Mention(r["start_char"], r["end_char"], r["code"], r["sector"], r["person"], r["kind"],
                                r["confidence"], r["rule"], r["sent"], r["head"] if r["head"] is not None else -1)
                        for r in self.query(q.format("mentions", "id"), (doc.id,))]
        doc.events = [Event(source=r["source"], type=r["type"], start=r["start_char"], end=r["end_char"],
                            source_sector=r["source_sector"], target=r["target"], target_sector=r["target_sector"],
                            cameo=r["cameo"], negated=bool(r["negated"]), modality=r["modality"], date=r["date"],
                            issue=r["issue"], predicate=r["predicate"] or "", background=bool(r["background"]),
                            confidence=r["confidence"], rule=r["rule"] or "", sent=r["sent"],
                            source_person=r["source_person"])
                      for r in self.query(q.format("events", "id"), (doc.id,))]
        doc.stances = [Stance(actor=r["actor"], issue=r["issue"], stance=r["stance"], start=r["start_char"],
                              end=r["end_char"], actor_sector=r["actor_sector"], date=r["date"],
                              confidence=r["confidence"], rule=r["rule"] or "", sent=r["sent"])
                       for r in self.query(q.format("stances", "id"), (doc.id,))]
        doc.claims = [Claim(indicator=r["indicator"], value=r["value"], unit=r["unit"], start=r["start_char"],
                            end=r["end_char"], subject=r["subject"], qualifier=r["qualifier"], period=r["period"],
                            surface=r["surface"] or "", sent=r["sent"])
                      for r in self.query(q.format("claims", "id"), (doc.id,))]

    def rows(self, table: str, where: str = "", params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Raw rows of a table, for exports and analyses.

        ``where`` is a fixed SQL condition written in code, with ``?`` for every value, and the
        values go in ``params``: a condition holding a quote, a semicolon or a comment is refused,
        so that a value pasted into it by mistake cannot become SQL."""
        _check_table(table)
        if where and re.search(r"['\";]|--|/\*", where):
            raise StoreError(f"rows({table!r}): values go in params as '?' placeholders, not in the condition")
        sql = f"SELECT * FROM {table}" + (f" WHERE {where}" if where else "")
        order = {"sentences": " ORDER BY doc, idx", "duplicates": " ORDER BY doc"}.get(table, " ORDER BY id")
        return self.query(sql + order, params)

    def iter_rows(self, table: str, where: str = "", params: Sequence[Any] = (),
                  chunk: int = 1000) -> Iterator[dict[str, Any]]:
        """:meth:`rows`, streamed ``chunk`` rows at a time: an export of a store of any size holds one chunk
        in memory, not the table."""
        _check_table(table)
        if where and re.search(r"['\";]|--|/\*", where):
            raise StoreError(f"iter_rows({table!r}): values go in params as '?' placeholders, not in the condition")
        sql = f"SELECT * FROM {table}" + (f" WHERE {where}" if where else "")
        sql += {"sentences": " ORDER BY doc, idx", "duplicates": " ORDER BY doc"}.get(table, " ORDER BY id")
        try:
            cur = self.stream_cursor()
            cur.execute(self.dialect.sql(sql), tuple(params))
            cols = [c[0] for c in cur.description]
            while True:
                got = cur.fetchmany(chunk)
                if not got:
                    break
                for row in got:
                    yield dict(zip(cols, row, strict=True))
        except self.driver_errors as err:
            raise self._fail(err) from err

    def stream_cursor(self) -> Any:
        """A cursor that fetches rows as they are asked for (overridden where the driver's default
        cursor reads the whole result at once)."""
        return self.conn.cursor()

    def count(self, table: str) -> int:
        _check_table(table)
        return int(self.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])

    def save_reconciliation(self, event_clusters: list[dict[str, Any]], event_cluster_of: dict[int, int],
                            claim_clusters: list[dict[str, Any]], claim_cluster_of: dict[int, int],
                            contradictions: list[dict[str, Any]]) -> None:
        """Replace every derived cross-document table in one transaction."""
        ecols = ["id", "source", "source_sector", "target", "target_sector", "type", "negated", "issue", "date",
                 "date_min", "date_max", "quad_class", "weight", "mentions", "documents", "docs", "evidence",
                 "evidence_doc"]
        ccols = ["id", "subject", "indicator", "unit", "value_min", "value_max", "mentions", "documents", "docs"]
        with self.transaction():
            self.execute("DELETE FROM event_clusters")
            self.execute("DELETE FROM claim_clusters")
            self.execute("UPDATE events SET cluster = NULL")
            self.execute("UPDATE claims SET cluster = NULL")
            self.executemany(f"INSERT INTO event_clusters ({', '.join(ecols)}) VALUES ({', '.join('?' * len(ecols))})",
                             [[c.get(k) for k in ecols] for c in event_clusters])
            self.executemany(f"INSERT INTO claim_clusters ({', '.join(ccols)}) VALUES ({', '.join('?' * len(ccols))})",
                             [[c.get(k) for k in ccols] for c in claim_clusters])
            self.executemany("UPDATE events SET cluster = ? WHERE id = ?", [(c, e) for e, c in event_cluster_of.items()])
            self.executemany("UPDATE claims SET cluster = ? WHERE id = ?", [(c, e) for e, c in claim_cluster_of.items()])
            self._write_contradictions(contradictions)

    def save_acts(self, rows: Sequence[dict[str, Any]]) -> None:
        """Replace the acts summed by actor, power and month (:mod:`..analysis.acts`) in one transaction,
        and record when: a store never summed is told apart from one with nothing to sum."""
        cols = ["actor", "power", "month", "weight", "acts"]
        with self.transaction():
            self.execute("DELETE FROM acts_by_month")
            self.executemany(f"INSERT INTO acts_by_month ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                             [[r[c] for c in cols] for r in rows])
            self.execute("DELETE FROM derived_state WHERE name = ?", ("acts_by_month",))
            self.execute("INSERT INTO derived_state (name, refreshed_at) VALUES (?, ?)",
                         ("acts_by_month", datetime.now(UTC).isoformat(timespec="seconds")))

    def acts_of(self, actor: str) -> list[dict[str, Any]] | None:
        """``actor``'s summed acts (rows of :meth:`save_acts`), or None when this store was never summed
        (reconciled before the table existed): the caller then sums the actor's events itself."""
        if not self.query("SELECT name FROM derived_state WHERE name = ?", ("acts_by_month",)):
            return None
        return self.query("SELECT actor, power, month, weight, acts FROM acts_by_month WHERE actor = ? "
                          "ORDER BY power, month", (actor,))

    def _write_contradictions(self, rows: list[dict[str, Any]]) -> None:
        cols = ["about", "kind", "note", "a_doc", "a_start", "a_end", "a_evidence", "a_value",
                "b_doc", "b_start", "b_end", "b_evidence", "b_value", "score"]
        self.execute("DELETE FROM contradictions")
        self.executemany(f"INSERT INTO contradictions ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                         [[r.get(c) for c in cols] for r in rows])

    # -- official voting records ------------------------------------------------------------
    def replace_official(self, source: str, resolutions: Sequence[dict[str, Any]],
                         votes: Sequence[Sequence[Any]]) -> None:
        """Store one file's official record (``votes``: tuples in :data:`VOTE_COLUMNS` order). It replaces
        what the same file stored before and any earlier record of the same resolutions: a resolution has
        one roll call, and the latest import of it is the record."""
        keys = [r["res_key"] for r in resolutions]
        with self.transaction():
            self.execute("DELETE FROM official_votes WHERE source = ?", (source,))
            self.execute("DELETE FROM resolutions WHERE source = ?", (source,))
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                marks = ", ".join("?" * len(chunk))
                self.execute(f"DELETE FROM official_votes WHERE res_key IN ({marks})", chunk)
                self.execute(f"DELETE FROM resolutions WHERE res_key IN ({marks})", chunk)
            self.executemany(f"INSERT INTO resolutions ({', '.join(RESOLUTION_COLUMNS)}) "
                             f"VALUES ({', '.join('?' * len(RESOLUTION_COLUMNS))})",
                             [[r.get(c) for c in RESOLUTION_COLUMNS] for r in resolutions])
            self.executemany(f"INSERT INTO official_votes ({', '.join(VOTE_COLUMNS)}) "
                             f"VALUES ({', '.join('?' * len(VOTE_COLUMNS))})", votes)

    def set_official_evidence(self, resolutions: Sequence[Sequence[Any]], votes: Sequence[Sequence[Any]]) -> None:
        """Point official rows at the lines of the document that renders them: ``resolutions`` as
        (issues, doc, start, end, id) and ``votes`` as (doc, start, end, evidence, id) tuples."""
        with self.transaction():
            self.executemany("UPDATE resolutions SET issues = ?, doc = ?, start_char = ?, end_char = ? WHERE id = ?",
                             resolutions)
            self.executemany("UPDATE official_votes SET doc = ?, start_char = ?, end_char = ?, evidence = ? "
                             "WHERE id = ?", votes)

    def delete_document(self, doc_id: str) -> None:
        """Remove a document and its records (an official record whose file no longer renders any vote)."""
        with self.transaction():
            for table in (*RECORD_TABLES, "sentences", "doc_bands"):
                self.execute(f"DELETE FROM {table} WHERE doc = ?", (doc_id,))
            self.execute("DELETE FROM duplicates WHERE duplicate_of = ?", (doc_id,))
            self.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
