"""Derive a fallback verb lexicon from the Phoenix/PETRARCH2 CAMEO verb dictionary (MIT licence).

    python scripts/build_phoenix_verbs.py ../shared/reference/phoenix-dictionaries/petrarch2_CAMEO.2.0.txt \
        > src/stancemap/events/data/phoenix_verbs.csv

Each verb block of the dictionary (``--- NAME [code] ---``) lists synonyms, optionally with their own
code; we keep every single verb (and verb_particle phrase) with its code, map the CAMEO code to a
PLOVER type by its root (as in ontology.md), and drop codes that are not events (01x statements,
``[---]``). Object patterns are left out: our own curated ``predicates.yaml`` carries those and wins
over this fallback.
"""

from __future__ import annotations

import csv
import re
import sys

BLOCK = re.compile(r"^---\s+(\S+)\s+\[(\S+)\]\s+---")
VERB = re.compile(r"^([A-Z][A-Z_\-]*)\s*(?:\[(\S+)\])?")


def plover_type(code: str) -> str | None:
    """PLOVER type of a CAMEO code, by the roots in ontology.md."""
    if not re.fullmatch(r"\d{2,4}", code):
        return None
    if code.startswith("0874") or code.startswith("0872"):
        return "RETREAT"
    if code.startswith("057"):
        return "AGREE"
    root = code[:2]
    return {
        "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
        "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
        "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT",
        "20": "ASSAULT",
    }.get(root)


def main(path: str) -> None:
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["verb", "particle", "cameo", "type", "block"])
    block, block_code = "", ""
    seen: set[tuple[str, str]] = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = BLOCK.match(line)
            if m:
                block, block_code = m.group(1), m.group(2)
                continue
            if not block or line.startswith(("-", "+", "#", "&")) or not line.strip():
                continue
            v = VERB.match(line.strip())
            if not v:
                continue
            code = v.group(2) or block_code
            typ = plover_type(code)
            if typ is None:
                continue
            words = v.group(1).lower().strip("_").split("_")
            if len(words) > 2 or not words[0].isalpha():
                continue
            verb, particle = words[0], (words[1] if len(words) == 2 else "")
            if (verb, particle) in seen:
                continue
            seen.add((verb, particle))
            out.writerow([verb, particle, code, typ, block.lower()])


if __name__ == "__main__":
    main(sys.argv[1])
