"""Clause structure from the dependency parse: arguments, negation and modality of a predicate.

These helpers read a spaCy token (the predicate) and its neighbourhood; they know nothing about
event types. They answer: who is the subject (through passives, coordination, control verbs and
relative clauses), what are the objects, is the predicate negated and how (a refusal or a plain
"did not"), and is it actual, intended, hypothetical or reported (and by whom).
"""

from __future__ import annotations

from typing import Any

SUBJ = ("nsubj", "csubj")
SUBJ_PASS = ("nsubjpass", "csubjpass")
SPEECH = {"say", "state", "tell", "announce", "declare", "claim", "report", "insist", "stress", "emphasise",
          "emphasize", "note", "add", "argue", "assert", "affirm", "confirm", "warn", "write", "mention", "explain",
          "clarify", "reiterate", "suggest", "allege", "indicate", "signal", "acknowledge", "deny", "assure",
          "promise", "pledge", "vow", "believe", "think", "hope", "expect", "fear", "estimate"}
SPEECH_NOUNS = {"comment", "statement", "remark", "assurance", "announcement", "declaration", "claim", "pledge",
                "promise", "warning", "assertion", "message", "insistence"}
INTENT_HEADS = {"plan", "intend", "aim", "seek", "want", "wish", "hope", "pledge", "promise", "vow", "offer",
                "agree", "decide", "prepare", "propose", "commit", "undertake", "try", "attempt", "threaten",
                "expect", "mean", "resolve", "determine", "ready", "willing", "go"}
HYPOTHETICAL_AUX = {"could", "might", "may", "would", "should", "can"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
CESSATION = {"stop", "cease", "quit", "halt", "discontinue", "end"}
# verbs of recognition: refusing them with "would not" states a position, not a hypothesis
_RECOGNITION = {"recognise", "recognize", "accept", "acknowledge", "endorse"}
# "avoided condemning", "refrained from criticising": the act was held back (not done)
AVOIDANCE = {"avoid", "refrain", "eschew", "forgo", "forego", "shun", "desist", "abstain"}
# "declined to join", "failed to condemn": the infinitive's act was not done (a refusal, "refused to", is an
# act of its own and stays one)
DECLINING = {"decline", "fail", "neglect", "omit"}
DECLINING_NOUNS = {"refusal", "failure", "reluctance", "unwillingness"}
NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "without"}
NEG_DETERMINERS = {"no", "none", "neither", "nobody", "nothing"}


def copula(adj: Any) -> Any | None:
    """The verb an adjective is predicated by ("has been critical of", "vocal and critical of")."""
    t = adj
    while t.dep_ == "conj" and t.head.pos_ == "ADJ":
        t = t.head
    if t.dep_ in ("acomp", "oprd") and t.head.pos_ in ("VERB", "AUX"):
        return t.head
    return None


def _predicate(tok: Any) -> Any:
    """Clause-level questions about a predicative adjective are asked of its verb."""
    return (copula(tok) or tok) if tok.pos_ == "ADJ" else tok


def aux_words(verb: Any) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


# Nouns that, coordinated after a name, describe it rather than add a second actor
# ("Kazakhstan, a former Soviet state and a key ally of Russia").
_DESCRIPTIVE = {"state", "country", "nation", "ally", "partner", "member", "neighbour", "neighbor", "power",
                "republic", "friend", "supporter", "critic", "rival", "economy", "producer", "exporter", "importer"}


def conjuncts(tok: Any) -> list[Any]:
    """The token and every token coordinated with it ("X, Y and Z")."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c not in out and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                if c.pos_ == "NOUN" and c.lemma_.lower() in _DESCRIPTIVE:
                    continue
                out.append(c)
                stack.append(c)
    return out


_RELATIVE = {"which", "that", "who", "whom"}


def _antecedent(tok: Any) -> Any:
    """ "protests ... which have not been sanctioned": a relative pronoun stands for the noun its
    clause modifies."""
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        noun = tok.head.head
        # "suppressing protests in Kazakhstan in January, which X called a coup": the parser may hang the
        # clause on the date that closes the phrase; it is about what happened then
        while noun.ent_type_ in ("DATE", "TIME") and noun.dep_ == "pobj" and noun.head.head.i != noun.head.i:
            up = noun.head.head
            objs = [c for c in up.children if c.dep_ in ("dobj", "obj")] if up.pos_ in ("VERB", "AUX") else [up]
            if not objs:
                break
            noun = objs[0]
        return noun
    return tok


def _clause_head(verb: Any) -> Any:
    """The verb whose subject this predicate shares (conj / xcomp / control chains)."""
    t = verb
    seen = 0
    while seen < 6:
        seen += 1
        has_subj = any(c.dep_ in SUBJ + SUBJ_PASS for c in t.children)
        if has_subj:
            return t
        if t.dep_ in ("conj", "xcomp", "advcl") and t.head.i != t.i:
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.dep_ == "prep":
            # "showed leniency in allowing rallies", "stopped short of imposing": the verb of the clause
            # the phrase hangs on
            up = t.head.head
            while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i and up.dep_ in ("dobj", "pobj", "prep", "attr",
                                                                                   "acomp", "advmod"):
                up = up.head
            if up.pos_ in ("VERB", "AUX"):
                t = up
                continue
        return t
    return t


def subjects(verb: Any) -> tuple[list[Any], bool]:
    """Subject tokens of ``verb`` (coordination expanded) and whether the clause is passive.

    For a passive clause the *agent* ("by the court") is returned as the subject and the flag is
    True; the passive subject is then the target (see :func:`passive_target`).
    """
    if verb.pos_ in ("NOUN", "PROPN"):
        return _noun_speakers(verb), False
    verb = _predicate(verb)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and not any(c.dep_ in SUBJ for c in verb.children):
        # "resulted in the government sending a convoy": the gerund's own subject sits beside it
        own = [c for c in verb.head.children if c.dep_ == "pobj" and c.i < verb.i]
        if own:
            return conjuncts(own[-1]), False
    head = _clause_head(verb)
    passive = any(c.dep_ in SUBJ_PASS for c in head.children) or any(c.dep_ == "auxpass" for c in verb.children) \
        or _absolute_passive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBN")  # "sanctions imposed by X"
    if passive:
        for c in verb.children:
            if c.dep_ == "agent":
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if objs:
                    return conjuncts(objs[0]), True
        return [], True
    subs = [c for c in head.children if c.dep_ in SUBJ]
    if subs and _antecedent(subs[0]).i != subs[0].i:
        return conjuncts(_antecedent(subs[0])), False  # "activists who spoke out against X" -> activists
    if not subs and verb.dep_ == "relcl":
        return conjuncts(verb.head), False  # "the CSTO, which sent troops" -> the CSTO
    if not subs and verb.dep_ == "acl" and verb.tag_ == "VBG":
        return conjuncts(verb.head), False  # "a resolution condemning X" -> the resolution
    if not subs and verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        owner = [c for c in verb.head.children if c.dep_ == "poss"]
        if owner:
            return conjuncts(owner[0]), False  # "Putin's decision to invade" -> Putin
    if not subs:
        return [], False
    return conjuncts(subs[0]), False


def _noun_speakers(noun: Any) -> list[Any]:
    """Who made a statement named by a noun: "Tokayev's comments", "comments made by X",
    "X made comments"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return conjuncts(c)
    for c in noun.children:
        if c.dep_ == "acl":
            for a in c.children:
                if a.dep_ == "agent":
                    objs = [g for g in a.children if g.dep_ == "pobj"]
                    if objs:
                        return conjuncts(objs[0])
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return subjects(noun.head)[0]
    return []


def _absolute_passive(verb: Any) -> bool:
    """ "..., with two thousand people arrested": a bare participle whose 'subject' is its patient."""
    return verb.tag_ == "VBN" and verb.dep_ in ("pcomp", "advcl") and \
        not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and any(c.dep_ == "nsubj" for c in verb.children)


def passive_target(verb: Any) -> list[Any]:
    if _absolute_passive(verb):
        return conjuncts(next(c for c in verb.children if c.dep_ == "nsubj"))
    head = _clause_head(verb)
    for c in head.children:
        if c.dep_ in SUBJ_PASS:
            return conjuncts(_antecedent(c))
    if head.i != verb.i and any(c.dep_ == "auxpass" for c in verb.children):
        # "two activists ... opposed the war and were sentenced": the shared subject is the patient
        for c in head.children:
            if c.dep_ in SUBJ:
                return conjuncts(c)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return conjuncts(verb.head)  # "the protesters arrested by police"
    return []


def direct_objects(verb: Any) -> list[Any]:
    """The verb's object (with its conjuncts); of "gave Tanzania a grant" the grant, not the
    recipient (a dative is the object only when there is no other)."""
    kids = sorted((c for c in verb.children if c.dep_ in ("dobj", "obj", "dative", "attr", "oprd")),
                  key=lambda c: c.dep_ == "dative")
    for c in kids:
        return conjuncts(_antecedent(c))  # "protests, which X called a coup" -> protests
    return []


def prep_objects(tok: Any, preps: tuple[str, ...] | set[str] | None = None) -> list[tuple[str, Any]]:
    """(preposition, object) pairs attached to ``tok`` (optionally only the given prepositions)."""
    out: list[tuple[str, Any]] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and (preps is None or c.lower_ in preps):
            for g in c.children:
                if g.dep_ == "pobj":
                    out.extend((c.lower_, x) for x in conjuncts(g))
                elif g.dep_ == "prep":  # "out of", "away from"
                    for h in g.children:
                        if h.dep_ == "pobj":
                            out.extend((g.lower_, x) for x in conjuncts(h))
    return out


def held_back(verb: Any) -> Any | None:
    """The verb that holds the act back, when ``verb`` is a gerund under one: "avoided condemning",
    "refrained from criticising", "stopped / fell short of imposing"; or an infinitive under a verb of
    declining: "declined to join", "failed to condemn"."""
    head = verb.head
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
            (verb.dep_ == "xcomp" and head.lemma_.lower() in DECLINING)
            or (verb.dep_ == "acl" and head.lemma_.lower() in DECLINING_NOUNS)):
        return head  # "declined to join", "Beijing's refusal to condemn"
    if verb.tag_ != "VBG":
        return None
    if verb.dep_ in ("xcomp", "dobj") and head.lemma_.lower() in AVOIDANCE:
        return head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        gov = head.head
        if head.lower_ == "from" and gov.lemma_.lower() in AVOIDANCE | {"hold", "shy", "keep"}:
            return gov  # "refrained from", "held back from", "shied away from"
        if head.lower_ == "of" and gov.lower_ == "short" and gov.head.lemma_.lower() in ("stop", "fall"):
            return gov.head
    return None


def holds_back(holder: Any, verb: Any) -> bool:
    """Whether ``holder`` is the verb that holds ``verb``'s act back (see :func:`held_back`)."""
    held = held_back(verb)
    return held is not None and held.i == holder.i


def negation(verb: Any) -> tuple[bool, str]:
    """(negated, how): how is "refusal" (will not / does not / cannot) or "plain" (did not, has not)."""
    verb = _predicate(verb)
    if verb.dep_ in ("xcomp", "ccomp") and verb.tag_ == "VBG" and verb.head.lemma_.lower() in CESSATION \
            and not any(c.dep_ == "neg" for c in verb.head.children):
        return True, "plain"  # "stopped accepting Mir cards": the act is over
    held = held_back(verb)
    if held is not None:
        return not any(c.dep_ == "neg" for c in held.children), "plain"  # "did not refrain from": done
    toks = [verb, *[c for c in verb.children if c.dep_ in ("aux", "auxpass")]]
    neg = any(c.dep_ == "neg" for c in verb.children)
    if not neg:
        # 'will "never, never" recognise': a negation the parser hung on the auxiliary
        first = min((a.i for a in toks[1:] if a.i < verb.i), default=verb.i)
        neg = any(t.lower_ in ("never", "not", "n't") and any(x.i == verb.i for x in t.ancestors)
                  for t in verb.doc[first + 1:verb.i])
    if not neg and verb.dep_ in ("xcomp",) and any(c.dep_ == "neg" for c in verb.head.children):
        neg = True
        toks.append(verb.head)
    if not neg:
        subject_of = verb
        if verb.dep_ == "conj" and not any(c.dep_ in SUBJ + SUBJ_PASS for c in verb.children):
            subject_of = verb.head  # "none of them supported X and imposed Y": the subject is shared
        for s in subject_of.children:
            # "no state", "neither Washington nor Brussels", "neither the EU nor the US" ("neither" as preconj)
            if s.dep_ in SUBJ + SUBJ_PASS and (s.lower_ in NEG_DETERMINERS or any(
                    d.lower_ in NEG_DETERMINERS for d in s.children if d.dep_ in ("det", "amod", "preconj"))):
                neg = True
    if not neg:
        # "offered no help", "offers neither values nor prospects": the object is denied
        # ("joined none of the packages": the object is none of them)
        neg = any(o.dep_ in ("dobj", "obj") and (o.lower_ == "none" or any(
            d.dep_ in ("det", "preconj") and d.lower_ in ("no", "neither") for d in o.children)) for o in verb.children)
    if not neg:
        return False, ""
    auxs = {t.lower_ for t in toks} | aux_words(verb)
    if auxs & FUTURE_AUX or auxs & {"would", "can", "could", "ca"} or verb.tag_ in ("VBZ", "VBP"):
        return True, "refusal"
    if verb.tag_ == "VBG" and verb.head.lemma_ in ("consider", "plan", "intend"):
        return True, "refusal"
    if any(a in ("does", "do", "is", "are", "am") for a in auxs):
        return True, "refusal"
    return True, "plain"


def _speech_head(verb: Any) -> Any | None:
    """The speech verb governing ``verb`` via a complement clause, if any; or the speech noun
    ("comments made by X that ...", "Tokayev's assurance that ...")."""
    t = verb
    for _ in range(4):
        if t.dep_ in ("acl", "ccomp", "appos") and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in SPEECH_NOUNS \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            return t.head
        if t.dep_ == "ccomp" and t.head.dep_ == "acl" and t.head.head.lemma_.lower() in SPEECH_NOUNS \
                and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            return t.head.head  # "comments made by X that ..." parsed with the clause on "made"
        if t.dep_ in ("ccomp", "xcomp", "conj", "advcl") and t.head.i != t.i:
            parent = t.head
            if t.dep_ in ("ccomp",) and parent.lemma_ in SPEECH:
                return None if _author_aside(parent) else parent
            if t.dep_ == "conj":
                t = parent
                continue
            if t.dep_ == "xcomp":
                t = parent
                continue
            return None
        return None
    return None


def _author_aside(speech: Any) -> bool:
    """ "It should be mentioned that ...", "it must be noted that ...": the author's own assertion,
    not something reported."""
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in speech.children) and \
        bool(aux_words(speech) & {"should", "must", "can", "may", "might", "worth"})


def modality(verb: Any) -> tuple[str, Any | None]:
    """(modality, speech verb): actual | intent | hypothetical | reported, and who said it."""
    verb = _predicate(verb)
    auxs = aux_words(verb)
    speech = _speech_head(verb)
    # if / unless clauses, and conditionals
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in verb.children):
        return "hypothetical", speech  # "X would impose sanctions if Y tested another missile"
    t = verb
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "should") for c in t.children):
            return "hypothetical", speech
        if _counterfactual(t):
            return "hypothetical", speech
        if t.dep_ in ("advcl", "ccomp", "conj", "xcomp") and t.head.i != t.i:
            t = t.head
        else:
            break
    if "would" in auxs and not auxs & HYPOTHETICAL_AUX - {"would"} and any(
            c.dep_ == "neg" and (c.lower_ == "never" or verb.lemma_.lower() in _RECOGNITION) for c in verb.children):
        # "Ukraine would never accept the annexation", "Washington would not recognise the outcome": a refusal
        # stated without a condition
        return "intent", speech
    if auxs & HYPOTHETICAL_AUX - {"would"} or ("would" in auxs and speech is None):
        return "hypothetical", speech
    if verb.dep_ == "xcomp" and verb.head.lemma_ in INTENT_HEADS:
        return "intent", speech
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and any(
            c.lemma_ in ("ready", "willing", "prepared") for c in verb.head.children):
        return "intent", speech
    if auxs & FUTURE_AUX or ({"going"} & {c.lower_ for c in verb.head.children} and verb.dep_ == "xcomp"):
        return "intent", speech
    if speech is not None and "would" in auxs:
        return "intent", speech
    if speech is not None:
        return "reported", speech
    return "actual", None


def _counterfactual(verb: Any) -> bool:
    """What did not happen: "the text would have demanded ...", "Had it been adopted, the text would ..."."""
    auxs = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxs & {"would", "could", "might"} and "have" in auxs and verb.tag_ == "VBN":
        return True
    return any(_inverted_condition(c) for c in verb.children if c.dep_ == "advcl")


def _inverted_condition(clause: Any) -> bool:
    """ "Had it been adopted", "Were it to pass", "Should they refuse": a condition stated by inversion."""
    aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "were", "should")]
    subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(aux and subj) and aux[0].i < subj[0].i and aux[0].i == clause.left_edge.i


def attributed_to(verb: Any) -> list[Any]:
    """Who a clause is credited to by an attribution phrase: "..., as stated by Tokayev",
    "according to the ministry, ...". Looks at the clause and the clauses it is part of."""
    t = verb
    for _ in range(4):
        for c in t.children:
            if c.dep_ == "advcl" and c.lemma_ in SPEECH and any(m.lower_ == "as" for m in c.children if m.dep_ == "mark"):
                return [o for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
            if c.dep_ == "prep" and c.lower_ == "according":
                return [o for a in c.children if a.lower_ == "to" for o in a.children if o.dep_ == "pobj"]
        if t.dep_ in ("ccomp", "conj", "xcomp") and t.head.i != t.i:
            t = t.head
        else:
            break
    return []


def token_at(parsed: Any, char: int) -> Any | None:
    """The token starting at character offset ``char`` (how events and mentions point at their
    words), without scanning the document."""
    if char < 0:
        return None
    span = parsed.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].idx == char else None
