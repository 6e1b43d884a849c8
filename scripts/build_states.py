"""Build ``actors/data/states.csv`` from pycountry (names, codes) and countryinfo (capital, demonym).

Run by hand when the libraries update (``pip install countryinfo`` first; it is a build-time tool,
not a runtime dependency):

    python scripts/build_states.py > src/stancemap/actors/data/states.csv

Our own additions (adjectives, former capitals, institutions) live in ``states_extra.yaml`` and
are merged at load time, so this file stays a pure, regenerable derivation.
"""

from __future__ import annotations

import csv
import sys

import pycountry
from countryinfo import CountryInfo  # type: ignore[import-not-found]


def main() -> None:
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["iso3", "name", "official_name", "common_name", "capital", "demonym", "alt_names"])
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        capital = demonym = ""
        alts: list[str] = []
        try:
            info = CountryInfo(c.alpha_3)
            capital = info.capital() or ""
            demonym = info.demonym() or ""
            alts = [a for a in (info.alt_spellings() or []) if len(a) > 3 and a.isascii() and not a.isupper()]
        except Exception:  # countryinfo lacks some territories
            pass
        out.writerow([c.alpha_3, c.name, getattr(c, "official_name", ""), getattr(c, "common_name", ""),
                      capital, demonym, "|".join(alts)])


if __name__ == "__main__":
    main()
