"""What a claim is about: its indicator (what the number measures), subject (the state) and period."""

from __future__ import annotations

from typing import Any

from ..model import Document

_GENERIC_MEASURES = {"record", "figure", "level", "sum", "amount", "total", "mark", "value", "number", "rate", "%",
                     "prospect", "expectation", "chance", "high", "low", "peak"}


def indicator(parsed: Any, i: int, end: int, noun: Any | None) -> str:
    """A short noun phrase saying what the number measures.

    Counts: the counted noun with its modifiers ("Russian companies", "tons of goods"). Shares and
    sums: what they are "of" ("75% of Kazakhstan's oil exports"), the noun they measure ("a trade
    volume of $24.2 billion"), or the subject of the verb they complete ("the share of imports
    reached 40.8%").
    """
    def text(tokens: list[Any], limit: int = 12) -> str:
        toks = [t for t in tokens if t.dep_ not in ("punct", "det") and not (i <= t.i <= end)][:limit]
        return " ".join(t.text for t in toks).replace(" ’s", "’s").replace(" 's", "'s")

    if noun is not None:
        mods = [t for t in noun.lefts if t.dep_ in ("amod", "compound") and t.i > end]
        words = [t.text for t in mods] + [noun.text]
        for c in noun.rights:
            if c.dep_ in ("acl", "prep") and c.i - noun.i <= 2:
                words += [t.text for t in list(c.subtree)[:4]]
                break
        gov = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else (
            noun.head.head if noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN" and
            noun.head.head.dep_ in ("nsubj", "dobj") else None)
        if gov is not None and gov.pos_ == "NOUN":
            gov = gov.head
        if gov is not None and gov.pos_ in ("VERB", "AUX") and gov.lemma_ != "be":
            words.append(f"({gov.lemma_})")  # "people (die)" is not "people (march)"
        return " ".join(words)
    unit = parsed[end]
    for t in (unit, parsed[i]):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":  # "75% of Kazakhstan's oil exports"
                return text(list(c.subtree)[1:])
    if end + 1 < len(parsed) and parsed[end + 1].lower_ == "of":  # "three-quarters of that"
        return text(list(parsed[end + 1].subtree)[1:])
    node = unit
    for _ in range(8):  # "... grew by 34%, with the prospect of reaching a $20 billion record": up to "grew"
        head = node.head
        if head.i == node.i:
            break
        if head.pos_ == "NOUN" and not (i <= head.i <= end) and head.lemma_ not in _GENERIC_MEASURES:
            # "a total trade volume of $24.2 billion", "$3 billion projects"
            return text([t for t in head.subtree if t.i < node.i or t.i > end][:10] or [head])
        if head.pos_ in ("VERB", "AUX") and head.dep_ in ("pcomp", "xcomp", "advcl", "acl") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            node = head  # "with the prospect of reaching a record": climb to the clause with a subject
            continue
        if head.pos_ in ("VERB", "AUX"):
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].pos_ not in ("PRON",):
                return text(list(subj[0].subtree)) + f" ({head.lemma_})"
            objs = [c for c in head.children if c.dep_ == "dobj" and not (i <= c.i <= end)]
            if objs:
                return text(list(objs[0].subtree))
            return str(head.lemma_)
        node = head
    return text(list(parsed[i].sent), 8)


def voted_on(parsed: Any, i: int) -> str:
    """What a tally is a vote on: the subject of the clause ("The resolution was adopted by ...")."""
    node = parsed[i]
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
            if subj:
                words = [t.text for t in subj[0].subtree if t.dep_ != "punct"][:8]
                return " ".join(words)
        if node.head.i == node.i:
            break
        node = node.head
    return ""


def subject(doc: Document, sent_idx: int) -> str | None:
    """The state the claim is about: the document's focal state if the sentence names it, else the first state."""
    states = [m for m in doc.mentions if m.sent == sent_idx and m.code and len(m.code) == 3]
    focal = doc.meta.get("focal")
    if focal and any(m.code == focal for m in states):
        return str(focal)
    if states:
        return states[0].code
    return str(focal) if focal else None


def voting_body(doc: Document, sent_idx: int, tok: int | None) -> str | None:
    """Who cast a tally's votes: the subject of the voting verb if it names an actor ("The Eduskunta
    approved ..."), else the body last seen acting in the sentences before ("The General Assembly met ...
    The text was adopted by 93 votes to 24"), else the sentence's state."""
    parsed = doc.parsed
    by_head = {m.head: m for m in doc.mentions if m.code and not m.rule.startswith("pronoun")}
    if tok is not None:
        node = parsed[tok]
        for _ in range(8):
            if node.pos_ in ("VERB", "AUX"):
                break
            if node.head.i == node.i:
                break
            node = node.head
        for c in node.children:
            if c.dep_ == "nsubj":  # the subject's own words, not a clause about it ("the draft, tabled by X,")
                for t in [c, *[x for x in c.children if x.dep_ in ("compound", "poss", "amod", "nmod")]]:
                    if t.idx in by_head:
                        return str(by_head[t.idx].code)
    for idx in range(sent_idx - 1, max(-1, sent_idx - 6), -1):
        acting = [m for m in doc.mentions if m.sent == idx and m.code and m.kind == "org"
                  and m.head in {t.idx for t in parsed if t.dep_ in ("nsubj", "nsubjpass")}]
        if acting:
            return str(acting[0].code)
    return subject(doc, sent_idx)


def period(doc: Document, sent_idx: int) -> str | None:
    """The period a sentence's figures are for: its first time expression; "since February 2022" runs from
    then to the text's date (a count "since" a date is cumulative, not that month's)."""
    for t in getattr(doc, "times", []) or []:
        if t.sent == sent_idx and t.value:
            v = str(t.value)
            if "/" not in v and doc.text[max(0, t.start - 6):t.start].lower().endswith("since ") and doc.reference_date \
                    and doc.reference_date[:7] > v[:7]:
                return f"{v[:7]}/{doc.reference_date[:10]}"
            return v if "/" in v else v[:7]
    return None
