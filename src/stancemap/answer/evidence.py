"""What a brief may say: precision checks on the stored records, and quotes a reader can use.

The extractors record more than the brief should assert. Prose states only what is well
supported; everything else stays in the evidence table. The checks here are general:

* **a date comes from the evidence's own sentence** (:func:`own_date`): a record dated from a
  neighbouring sentence or from the publication date is shown undated (and is not plotted);
* **corroboration counts distinct documents that each say it**: a polarity is attested by the
  documents that hold a record of it, never by a merged cluster's membership;
* **the best quotes** are confident, on the issue's own words, name their actor instead of starting
  with an unexplained pronoun, and are trimmed to their clauses (:func:`trim`), never cut mid-clause;
* **a position is well supported** (:func:`assess`) when several documents agree, or one says it
  with a confident record; a minority reading with a confident record is shown beside it ("but"),
  and documents whose own reading differs from the others' are a real disagreement between sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..analysis.positions import Position, aggregate

MIN_CONFIDENCE = 0.5  # a record below this is table material only
STRONG = 0.85  # one document with a record this confident can carry a position on its own
DOMINANT = 0.65  # a document reads one way when that reading holds this share of its records' confidence
DISSENT = 0.7  # a source is said to disagree only on a record at least this confident
HISTORY_DAYS = 365  # readings this much older than all agreeing ones are history (a change), not dissent
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_RE = re.compile(r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                       r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")
_DAY_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_RELATIVE = re.compile(r"\b(?:this|last|next|past|previous|earlier this|later this)\s+(?:week|month|year|"
                       r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|winter)\b|"
                       r"\b(?:yesterday|today|tonight|on (?:monday|tuesday|wednesday|thursday|friday|saturday|"
                       r"sunday))\b|\b\w+ (?:days?|weeks?|months?|years?) ago\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)\b|\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
PRONOUNS = {"he", "she", "they", "it", "we", "his", "her", "their", "its", "this", "these", "those", "i"}
_CLAUSE_SPLIT = re.compile(r"(?<=[,;:—–])\s+|\s+(?=(?:but|although|though|while|whereas|however|yet|which|"
                           r"because|as well as|and then)\b)", re.IGNORECASE)
# A sentence that reports a position with a concession or scare marker ("despite this supposed
# policy") is a weaker quote for it: the position may be the author's doubt, not the actor's.
_HEDGED = re.compile(r"\b(?:despite|in spite of|supposed(?:ly)?|so-called|alleged(?:ly)?|purported(?:ly)?|"
                     r"ostensibly|for the purpose of (?:public )?appearance)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
_STOP = {"the", "a", "an", "of", "on", "in", "to", "for", "and", "or", "is", "are", "was", "were", "be", "been", "by",
         "with", "as", "at", "from", "that", "this", "it", "its", "their", "his", "her", "has", "have", "had", "will",
         "would", "not", "no", "but", "also", "which", "who", "whom", "there", "than", "then", "so", "such", "these",
         "those", "said", "says", "about", "into", "over", "after", "before", "between", "both", "other", "more",
         "most"}


def words(text: str | None) -> int:
    return len(str(text or "").split())


def stems(text: str | None) -> set[str]:
    """Content-word stems, for matching a quote to an issue's words."""
    out = set()
    for word in _WORD.findall(str(text or "").lower().replace("’", "'")):
        word = word.removesuffix("'s")
        for w in ([word, *word.split("-")] if "-" in word else [word]):
            if w in _STOP or len(w) < 3:
                continue
            if w.endswith("ies") and len(w) > 5:
                w = w[:-3] + "y"  # rallies -> rally
            for suf in ("ation", "ions", "ion", "ing", "es", "s", "ed"):
                if w.endswith(suf) and len(w) - len(suf) >= 4:
                    w = w[: -len(suf)]
                    break
            out.add(w[:7])
    return out


def about(text: str | None, label: str, keywords: tuple[str, ...]) -> bool:
    """Whether a sentence is about an issue's subject: it shares a word with the issue's label, or
    holds one of its keywords (a keyword of several words as a whole phrase)."""
    mine = stems(text)
    if mine & stems(label):
        return True
    low = " ".join(str(text or "").lower().replace("’", "'").split())
    for k in keywords:
        k = k.lower()
        if " " in k.strip():
            if k in low:
                return True
        elif stems(k) & mine:
            return True
    return False


# ---------------------------------------------------------------------------------------------- dates

def own_date(evidence: str | None, date: str | None) -> str | None:
    """``date`` if the evidence sentence itself says it (at the granularity the sentence supports),
    else None. "On March 14, ..." keeps 2022-03-14; "In early March" keeps 2022-03 of a day-level
    date; a sentence without any time expression keeps nothing (its date came from elsewhere)."""
    if not date or not evidence:
        return None
    d = str(date).split("/")[0]
    parts = d.split("-")
    text = _SPAN.sub(" ", _main_clauses(DATELINE.sub("", str(evidence))))
    years = set(_YEAR_RE.findall(text))
    months = {_month_number(m) for m in _MONTH_RE.findall(text) if _is_month(m, text)}
    months.discard(None)
    for m in _NUMERIC_DATE.finditer(text):
        if m.group(1):
            years.add(m.group(3))
            months.add(int(m.group(2)))
        else:
            years.add(m.group(4))
            months.add(int(m.group(5)))
    relative = bool(_RELATIVE.search(text))
    year = parts[0]
    if years and year not in years and not relative:
        return None  # the sentence dates something else
    if len(parts) >= 2:
        month = int(parts[1]) if parts[1].isdigit() else 0
        if month in months:
            if len(parts) == 3 and parts[2].isdigit() and _has_day(text, int(parts[2])):
                return d
            return f"{parts[0]}-{parts[1]}"
        if relative and not months:
            return f"{parts[0]}-{parts[1]}"
        if year in years and not months:
            return year
        return None
    return year if (year in years or relative) else None


# "NEW DELHI, March 3 (Meridian Wire) -": a dateline dates the report, not what the sentence reports
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'’/-]+,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
                       r"(?:,?\s+\d{4})?\s*(?:\([^)]*\))?\s*[-–—]+\s*")
# "since February 2022", "before the war in March": the start or end of a span, not the date of what is said
_SPAN = re.compile(r"\b(?:since|before|until|till|prior to|ahead of|up to)\s+(?:the\s+)?(?:(?:early|mid|late|end of|"
                   r"start of)[\s-]+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                   r"[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?(?:\s+(?:19|20)\d\d)?|\b(?:since|before|until|till|"
                   r"prior to|up to)\s+(?:19|20)\d\d\b", re.IGNORECASE)
_RELATIVE_CLAUSE = re.compile(r"\b(?:who|whom|whose|which)\b[^,;—–)]*|,\s+(?:a|an|the)\s+\w+(?:\s+\w+)?\s+that\b[^;]*",
                              re.IGNORECASE)


def _main_clauses(text: str) -> str:
    """The sentence without its relative clauses (", who defended the orders to fire in January,"):
    a date there belongs to another event than the sentence's own."""
    return _RELATIVE_CLAUSE.sub(" ", text)


_PERIOD_PREP = re.compile(r"\b(before|after|since|until|by|as of|through|from)\s+(?:the\s+)?(?:(?:early|mid|late|end of|"
                          r"start of)[\s-]+)?$", re.IGNORECASE)


_OPENER = re.compile(r"^(?:in|on|by|during|as of|at the end of|at the start of|throughout|over|for)\b", re.IGNORECASE)


def clause_of(sentence: str, anchor: str) -> str:
    """The clause of ``sentence`` that holds ``anchor`` (the whole sentence if it is not found)."""
    if not anchor or anchor not in sentence:
        return sentence
    parts = _CLAUSE_SPLIT.split(" ".join(sentence.split()))
    for i, p in enumerate(parts):
        if anchor in p:
            # an opening adverbial ("In June 2021, the share ... was 23.7%") belongs to the clause it opens
            if i > 0 and words(parts[i - 1]) <= 6 and _OPENER.match(parts[i - 1]):
                return f"{parts[i - 1]} {p}"
            return p
    return sentence


def period_phrase(evidence: str | None, period: str | None, shown: str) -> str:
    """How the sentence places a figure in time: "before February 2022" where it says "Before
    February 2022, ..."; the plain period otherwise."""
    text = str(evidence or "")
    parts = str(period or "").split("-")
    words_ = []
    if len(parts) >= 2 and parts[1].isdigit():
        words_.append(_MONTHS[int(parts[1]) - 1])
    words_.append(parts[0])
    for w in words_:
        m = re.search(rf"\b{re.escape(w)}", text, re.IGNORECASE)
        if m:
            prep = _PERIOD_PREP.search(text[: m.start()])
            if prep:
                return f"{prep.group(1).lower()} {shown}"
            break
    return shown


def _month_number(name: str) -> int | None:
    key = name.lower().rstrip(".")[:3]
    for i, m in enumerate(_MONTHS, 1):
        if m.startswith(key):
            return i
    return None


def _is_month(token: str, text: str) -> bool:
    """"May" is a month only next to a number or after a preposition; "march" (the verb) only capitalised."""
    t = token.rstrip(".")
    if t.lower() == "may":
        return bool(re.search(rf"(?:\b(?:in|of|on|since|until|by|early|late|mid|from)\s+{t}\b|\b{t}\s+\d|\d\s+{t}\b)",
                              text))
    if t.lower() == "march" or len(t) <= 4:
        return bool(re.search(rf"\b{re.escape(t)}\b", text)) and t[:1].isupper()
    return True


def _has_day(text: str, day: int) -> bool:
    for m in _MONTH_RE.finditer(text):
        around = text[max(0, m.start() - 6): m.end() + 7]
        if any(int(x) == day for x in _DAY_RE.findall(around) if len(x) <= 2):
            return True
    return any((mm.group(1) and int(mm.group(1)) == day) or (mm.group(6) and int(mm.group(6)) == day)
               for mm in _NUMERIC_DATE.finditer(text))


# --------------------------------------------------------------------------------------------- quotes

@dataclass
class Quote:
    """A verbatim span of a stored sentence, as shown: ``text`` may elide clauses with "…" and may
    name a pronoun's referent in brackets; ``doc``/``start``/``end`` point at the whole sentence."""

    text: str
    doc: str
    start: int
    end: int


_SUBORDINATE = re.compile(r"^[…“\"']*(?:while|whereas|although|though|because|if|unless|when|whenever|as|after|"
                          r"before|since|despite|once|until|so that|even if|even though)\b", re.IGNORECASE)


def trim(sentence: str, focus: set[str], limit: int = 40, must: set[str] | None = None,
         anchor: str | None = None) -> str:
    """The sentence, or, when it is longer than ``limit`` words, its clauses around the one that
    says most of ``focus`` (stems) — or the one that holds ``must`` (a date's words) — with "…" where
    clauses were left out. Never cuts inside a clause or a quotation, and never keeps a subordinate
    clause without its main one."""
    text = " ".join(str(sentence).split())
    if words(text) <= limit:
        return text
    parts = _inside_quotes_joined([p for p in _CLAUSE_SPLIT.split(text) if p and p.strip()])
    if len(parts) <= 1:
        return text
    scores = [len(stems(p) & focus) for p in parts]
    best = max(range(len(parts)), key=lambda i: (bool(anchor and anchor in parts[i]),
                                                 bool(must and stems(parts[i]) & must), scores[i], -i))
    lo = hi = best
    total = words(parts[best])
    while True:
        # grow toward the neighbour that says more of the focus (the earlier one on a tie: a
        # sentence's opening holds its subject)
        options = [j for j in (lo - 1, hi + 1) if 0 <= j < len(parts) and total + words(parts[j]) <= limit
                   and (scores[j] > 0 or total < limit // 2 or must or anchor)]
        if not options:
            break
        j = max(options, key=lambda k: (scores[k], k < lo))
        total += words(parts[j])
        lo, hi = min(lo, j), max(hi, j)
    while all(_SUBORDINATE.match(p.strip()) for p in parts[lo: hi + 1]) and (hi < len(parts) - 1 or lo > 0):
        # "While X is a member..." alone would drop what the sentence says: keep its main clause
        if hi < len(parts) - 1:
            hi += 1
        else:
            lo -= 1
    out = " ".join(parts[lo: hi + 1]).strip()
    if hi < len(parts) - 1:
        out = out.rstrip(",;:—– ")
    if lo > 0:
        out = "…" + out
    if hi < len(parts) - 1:
        out += "…"
    return out


def _inside_quotes_joined(parts: list[str]) -> list[str]:
    """Clauses rejoined where a split fell inside quotation marks or brackets (a quotation or a
    parenthesis is never cut)."""
    out: list[str] = []
    open_quote, depth = False, 0
    for p in parts:
        if (open_quote or depth > 0) and out:
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
        for ch in p:
            if ch == "“":
                open_quote = True
            elif ch == "”":
                open_quote = False
            elif ch == '"':
                open_quote = not open_quote
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
    return out


def unquote_end(text: str) -> str:
    """A quote's own final full stop is dropped (the citation and the sentence's stop follow it),
    and a list bullet before it too."""
    text = re.sub(r"^[•·▪‣◦\-–*]+\s+", "", text.strip())
    text = text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text
    return text


def bracket_referent(text: str, referent: str | None) -> str:
    """"He also stated ..." -> "He [Timur Suleimenov] also stated ..." when the quote opens with a
    pronoun whose referent the actor stage resolved."""
    first = text.lstrip("…").split(" ", 1)[0]
    if referent and first.lower().strip("“\"'") in PRONOUNS:
        i = text.index(first) + len(first)
        return f"{text[:i]} [{referent}]{text[i:]}"
    return text


_SPEAKER = re.compile(r"^…?(?:he|she|they|it|we)\s+(?:(?:also|later|then|further|again)\s+)?(?:said|stated|added|"
                      r"noted|argued|claimed|insisted|told \w+|declared|announced|stressed|explained|can cite|cited|"
                      r"recalled|mentioned|pointed to|referred to|quoted)\s+(?:that\s+)?",
                      re.IGNORECASE)


def drop_unknown_speaker(text: str) -> str:
    """"He said that “we will respect the sanctions”, ..." -> "…“we will respect the sanctions”, ...":
    a pronoun nobody resolved explains nothing, the words reported are the evidence."""
    m = _SPEAKER.match(text)
    return "…" + text[m.end():] if m and m.end() < len(text) else text


def starts_with_pronoun(text: str) -> bool:
    return text.lstrip("…“\"' ").split(" ", 1)[0].lower().strip(",") in PRONOUNS


# ------------------------------------------------------------------------------------------ positions

@dataclass
class Assessment:
    """One holder's position on one issue, and how well the evidence supports saying it."""

    issue: str
    position: Position
    records: list[dict[str, Any]]
    docs: list[str]  # documents with any record
    agreeing: list[str]  # documents whose own reading is the position
    dissenting: dict[str, list[str]] = field(default_factory=dict)  # polarity -> documents reading it
    minority: list[dict[str, Any]] = field(default_factory=list)  # confident records of another polarity
    well_supported: bool = False

    @property
    def stance(self) -> str:
        return self.position.position


def doc_readings(records: list[dict[str, Any]]) -> dict[str, str | None]:
    """Each document's own reading: the polarity with most of the confidence among its records, if
    it holds a clear share of it (a document whose records of one voice read the issue two ways has
    no reading of its own: ``None``)."""
    weight: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in records:
        weight[r["doc"]][r["stance"]] += float(r.get("confidence") or 0.5)
    out: dict[str, str | None] = {}
    for d, w in weight.items():
        best = max(w, key=lambda k: (w[k], k == "neutral"))
        out[d] = best if w[best] >= DOMINANT * sum(w.values()) or _voices_differ(records, d, best) else None
    return out


def _voices_differ(records: list[dict[str, Any]], doc: str, best: str) -> bool:
    """Whether the readings against ``best`` in ``doc`` come from other voices than ``best`` does
    (a court sentencing protesters while the government allows rallies is two voices, not confusion)."""
    def voice(r: dict[str, Any]) -> str:
        return str(r.get("actor_sector") or "GOV")
    mine = {voice(r) for r in records if r["doc"] == doc and r["stance"] == best}
    other = {voice(r) for r in records if r["doc"] == doc and r["stance"] != best}
    return not (mine & other)


def _day(r: dict[str, Any]) -> str:
    return str(own_date(r.get("evidence"), r.get("date")) or r.get("date") or "")


def assess(actor: str, issue: str, records: list[dict[str, Any]]) -> Assessment:
    pos = aggregate(actor, issue, records)
    readings = doc_readings(records)
    docs = sorted(readings)
    stance = pos.position
    if stance == "mixed":
        top = sorted(pos.weights, key=lambda k: -pos.weights[k])[:2]
        agreeing = [d for d in docs if readings[d] in top]
    else:
        agreeing = [d for d in docs if readings[d] == stance]
    dissenting: dict[str, list[str]] = defaultdict(list)
    earliest = min((_day(r) for r in records if r["doc"] in agreeing and r["stance"] == stance and _day(r)), default="")
    if stance not in ("mixed", "unknown"):
        for d in docs:
            reading = readings[d]
            if reading is None or reading == stance:
                continue
            mine = [r for r in records if r["doc"] == d and r["stance"] == reading
                    and float(r.get("confidence") or 0) >= DISSENT]
            if mine and not all(_older(_day(r), earliest) for r in mine):
                dissenting[reading].append(d)
    unclear = {d for d in docs if readings[d] is None}
    minority = [r for r in records if stance not in ("mixed", "unknown") and r["stance"] != stance
                and r["doc"] not in unclear and float(r.get("confidence") or 0) >= MIN_CONFIDENCE
                and not _older(_day(r), earliest)]
    best = max((float(r.get("confidence") or 0) for r in records if r["stance"] == stance), default=0.0)
    confident = {r["doc"] for r in records if r["doc"] in agreeing and float(r.get("confidence") or 0) >= MIN_CONFIDENCE
                 and (r["stance"] == stance or stance == "mixed")}
    read = [d for d in docs if readings[d] is not None]
    # several confident sources, or one very confident; and never a minority of the sources that read it
    well = stance != "unknown" and (len(confident) >= 2 or best >= STRONG) and 2 * len(agreeing) > len(read)
    return Assessment(issue, pos, records, docs, agreeing, dict(dissenting), minority, well)


def hedged(text: str | None) -> bool:
    return bool(_HEDGED.search(str(text or "")))


def overlaps(text: str | None, focus: set[str]) -> int:
    return len(stems(text) & focus)


def same_statement(a: str | None, b: str | None, threshold: float = 0.1) -> bool:
    """Whether two sentences report one statement: they share enough content words (names of
    months, which are what differs in a date disagreement, left out)."""
    names = _names(a) | _names(b)
    sa = {w for w in stems(a) if w not in _MONTH_STEMS and not w.isdigit() and w not in names}
    sb = {w for w in stems(b) if w not in _MONTH_STEMS and not w.isdigit() and w not in names}
    if not sa or not sb:
        return False
    return len(sa & sb) >= 3 and len(sa & sb) / len(sa | sb) >= threshold


def shares_content(a: str | None, b: str | None, n: int = 2) -> bool:
    """Whether two sentences share at least ``n`` content words other than names and dates: two
    reports of one act say it in some of the same words."""
    names = _names(a) | _names(b)
    sa = {w for w in stems(a) if w not in names and w not in _MONTH_STEMS and not w.isdigit()}
    sb = {w for w in stems(b) if w not in names and w not in _MONTH_STEMS and not w.isdigit()}
    return len(sa & sb) >= n


def _names(text: str | None) -> set[str]:
    """Stems of the capitalised words inside a sentence (names: shared names do not make two
    sentences one statement)."""
    toks = str(text or "").split()
    return stems(" ".join(t for t in toks[1:] if t[:1].isupper()))


_MONTH_STEMS = {m[:7] for m in _MONTHS} | {"early", "late", "mid", "earlier", "later"}


_LIMIT = re.compile(r"\b(?:although|though|but|however|whereas|yet)\b[^.;:]*?\b(?:not|no|none|never|nor|without|"
                    r"n't)\b", re.IGNORECASE)


def qualified(text: str | None) -> bool:
    """A sentence that sets a limit to what it reports: a contrast followed by a negation ("will
    respect the sanctions, although he will not impose any restrictions"). An issue section shows
    one such quote when it has one."""
    return bool(_LIMIT.search(str(text or "")))


def _older(day: str, than: str) -> bool:
    """Whether ``day`` is more than a year before ``than`` (both YYYY[-MM[-DD]])."""
    if not day or not than:
        return False
    from ..analysis.positions import _as_date

    a, b = _as_date(day), _as_date(than)
    return bool(a and b and (b - a).days > HISTORY_DAYS)


def rank_quotes(records: list[dict[str, Any]], focus: set[str], actor_words: set[str],
                exclude: set[tuple[str, int]] | None = None, k: int = 2,
                distinct_docs: bool = True) -> list[dict[str, Any]]:
    """The ``k`` records a reader should see first: confident, on the issue's words, naming their
    actor, short; from distinct documents while there are enough (then any); none already quoted
    (``exclude``: (doc, start))."""
    exclude = exclude or set()

    def score(r: dict[str, Any]) -> float:
        text = str(r["evidence"])
        s = float(r.get("confidence") or 0.5)
        s += 0.08 * min(3, len(stems(text) & focus))
        s += 0.1 if stems(text) & actor_words else 0.0
        s -= 0.2 if starts_with_pronoun(text) else 0.0
        s -= 0.1 if words(text) > 45 else 0.0
        s -= 0.05 if str(r.get("rule") or "").startswith("implied") else 0.0
        s -= 0.4 if _HEDGED.search(text) else 0.0
        return s

    out: list[dict[str, Any]] = []
    seen_docs: set[str] = set()
    ranked = sorted(records, key=lambda r: (-score(r), r["doc"], r.get("start_char") or 0))
    for second_pass in (False, True):
        for r in ranked:
            key = (r["doc"], int(r.get("start_char") or 0))
            if key in exclude or (distinct_docs and not second_pass and r["doc"] in seen_docs):
                continue
            if any(key == (o["doc"], int(o.get("start_char") or 0)) for o in out):
                continue
            out.append(r)
            seen_docs.add(r["doc"])
            if len(out) == k:
                return out
    return out
