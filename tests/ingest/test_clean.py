"""The boilerplate filter keeps article bodies and drops page chrome, teasers and tails."""

from __future__ import annotations

import pytest

from stancemap.config import Options
from stancemap.ingest import to_document
from stancemap.ingest.clean import clean_text, is_heading, is_prose
from stancemap.ingest.sources import RawItem
from tests.conftest import CORPUS

# For each bundled article: lines of page chrome that must be gone, and body sentences that must stay.
CASES = {
    "000_de5c1df1780b5202": (
        ["Check Also", "About Timothy Ball", "Suggested quote:", "Why Michigan’s Unusual Educational Bureaucracy",
         "The opinions expressed in JURIST Commentary", "Please direct any questions or comments"],
        ["When Vladimir Putin decided to invade Ukraine in February",
         "In June 2021, the share of Russia in the total turnover of Kazakhstan amounted to 23.7%.",
         "They call for suspending or even withdrawing the country’s membership in the Moscow-led CSTO and the EAEU"],
    ),
    "001_b6e61435225239fd": (
        ["More Current Affairs", "Browse articles by author", "If Trump had his way", "Rainer Lesniewski via Shutterstock",
         "This article is republished from The Conversation", "wine time Fridays"],
        ["Kazakhstan abstained on the UN General Assembly’s resolution condemning Russia’s invasion of Ukraine.",
         "Vliadimir Putin’s decision to invade Ukraine has put pressure on the leadership",
         "But the “New Kazakhstan” promised by Tokayev now finds itself out of sync with Putin’s Russia."],
    ),
    "002_a9fccda7326e705b": (
        ["top of page", "bottom of page", "Photo credits: Lara Jameson", "References", "187 views",
         "Auyezov, O. (2022, September 26).", "Comentarios", "This article represents the views of contributors"],
        ["has rejected the Russian invasion of Ukraine.",
         "with around 80% of Kazakhstan's oil being exported via that route",
         "Xi has vowed to support Kazakhstan"],
    ),
    "003_57c661909c62cd87": (
        ["Distributive policy", "The opinions expressed in this article are those of the author alone"],
        ["In January, everything changed in Kazakhstan.",
         "He voted against another resolution, finally adopted, aimed at withdrawing Russia’s membership of the UN Human Rights Council.",
         "Moscow remains first among equals."],
    ),
    "004_88074478d0c769ee": (
        ["Salta al contenuto principale", "PALAZZO CLERICI", "Contenuti correlati", "Global Watch: Speciale Geoeconomia",
         "Iscriviti alla newsletter", "P.IVA IT02141980157", "Versione stampabile", "09 settembre 2022"],
        ["In January 2022, at the invitation of President Kassym-Jomart Tokayev",
         "Kazakhstan also offered to mediate between the parties",
         "[1] A special note deserves the recent news"],
    ),
}


@pytest.mark.parametrize("doc_id", sorted(CASES))
def test_bundled_article_body_kept_and_chrome_dropped(doc_id: str) -> None:
    path = CORPUS / f"{doc_id}.txt"
    from stancemap.ingest.metadata import sidecar_meta

    doc = to_document(RawItem(str(path), doc_id, path.read_bytes(), html=False, meta=sidecar_meta(path)), Options())
    gone, kept = CASES[doc_id]
    for line in gone:
        assert line not in doc.text, f"{doc_id}: boilerplate kept: {line!r}"
    for line in kept:
        assert line in doc.text, f"{doc_id}: body text lost: {line!r}"
    # The title is metadata, not body.
    assert doc.title and doc.title not in doc.text


def test_menus_before_and_teasers_after_the_body_are_dropped() -> None:
    raw = "\n".join([
        "  • HOME", "  • NEWS", "  • SPORT", "Search",
        "Brazil and Argentina Sign Grain Deal",
        "by Ana Souza",
        "March 3rd 2021",
        "Brazil and Argentina signed an agreement on Tuesday to cut tariffs on wheat and maize by half.",
        "Trade talks",
        "The deal, negotiated over two years, still needs approval by both parliaments before it takes effect.",
        "Related articles",
        "Chile elects new president in close race that surprised most of the country's pollsters.",
        "12 comments",
    ])
    out = clean_text(raw)
    assert out.text.startswith("Brazil and Argentina signed an agreement")
    assert "Trade talks" in out.text  # a heading inside the body stays
    assert "Chile elects" not in out.text and "HOME" not in out.text and "12 comments" not in out.text
    assert out.meta["author"] == "Ana Souza"
    assert out.meta["published"] == "2021-03-03"
    assert out.meta["title"] == "Brazil and Argentina Sign Grain Deal"


def test_repeated_teaser_paragraph_is_kept_once() -> None:
    para = "The minister said the country would not send troops abroad without a vote in parliament."
    raw = f"{para}\n\nA second paragraph explains the background of the decision in some detail here.\n\n{para}"
    assert clean_text(raw).text.count(para) == 1


def test_prose_and_heading_classification() -> None:
    assert is_prose("The government announced on Monday that it would raise fuel prices by ten percent.")
    assert not is_prose("The price of friendship")
    assert is_heading("Kazakhstan and Russia After Ukraine: Does Pragmatism Pay?")
    assert not is_heading("the talks ended without an agreement on the border")


def test_footnote_markers_are_not_glued_to_words() -> None:
    raw = ("A title for the test article\n\nChile pushed for a ban on the exports, something that Peru opposes.[1] "
           "Despite the dispute, trade between the two grew by 5 percent, the ministry said [2]. Arrays like x[12]y stay.\n")
    text = clean_text(raw).text
    assert "opposes. Despite" in text
    assert "said." in text
    assert "[1]" not in text and "[2]" not in text
    assert "x[12]y" in text
