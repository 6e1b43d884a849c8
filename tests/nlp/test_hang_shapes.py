"""Text shapes that once sent the actor and event stages into endless loops.

A walk "up to the clause's verb" compared spaCy tokens with ``is``; on a sentence whose root is not a verb
(a headline, a fragment, a list item) it never reached the top. Each shape runs through the whole pipeline
in a child process, so that a regression fails here instead of hanging the test run.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SHAPES = {
    "noun-rooted sentence with a possessive pronoun": "Kazakhstan's careful neutrality. Its balance between "
    "Moscow and the West, and their patience with it.",
    "headline": "Tokayev's visit to Beijing: his first trip abroad since January",
    "list of fragments": "Key points:\n- Its exports to Russia\n- Their sanctions on Belarus\n- Our position on "
    "the war\n- His refusal to recognise the republics",
    "fragment after a dateline": "ASTANA, 3 March (Wire) - Their votes at the United Nations. Our neighbours' "
    "silence.",
}

CHILD = """
import json, sys
from stancemap.config import Options
from stancemap.model import Document
from stancemap.pipeline import Pipeline
pipe = Pipeline(Options(progress=False))
out = {}
for name, text in json.loads(sys.stdin.read()).items():
    doc = pipe(Document(id="shape", text=text, published="2022-03-03"))
    out[name] = len(doc.sentences)
print(json.dumps(out))
"""


@pytest.mark.slow
def test_shapes_that_hung_finish() -> None:
    try:
        res = subprocess.run([sys.executable, "-c", CHILD], input=json.dumps(SHAPES), capture_output=True,
                             text=True, timeout=300)
    except subprocess.TimeoutExpired:
        pytest.fail("the pipeline did not finish on the shapes that once looped forever")
    assert res.returncode == 0, res.stderr[-2000:]
    sentences = json.loads(res.stdout.strip().splitlines()[-1])
    assert set(sentences) == set(SHAPES) and all(n >= 1 for n in sentences.values())
