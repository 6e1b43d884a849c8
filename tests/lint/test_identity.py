"""No identity comparison between objects that may be rebuilt on each access.

spaCy makes a new ``Token`` object every time one is read (``tok.head``, ``doc[i]``), so
``tok.head is tok`` is never true: a loop "up to the root" written that way never ends, and a branch
guarded by it never runs. ``is`` is only safe against singletons (``None``, ``True``, ``Ellipsis``), literals
and module-level sentinels (UPPER_CASE names); everything else must compare values (tokens by ``.i``).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _safe(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        return node.id.isupper() or node.id in ("Ellipsis", "NotImplemented")
    return isinstance(node, ast.Attribute) and node.attr.isupper()


def identity_comparisons(source: str, filename: str = "<src>") -> list[str]:
    """``is`` / ``is not`` between two expressions neither of which is a singleton, literal or sentinel."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Compare):
            continue
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, ast.Is | ast.IsNot) and not (_safe(left) or _safe(right)):
                found.append(f"{filename}:{node.lineno}: {ast.unparse(node)}")
            left = right
    return found


def test_the_checker_catches_token_identity() -> None:
    assert identity_comparisons("while t.head is not t:\n    t = t.head\n")
    assert identity_comparisons("x = a is b\n")
    assert not identity_comparisons("ok = a is None or b is not None or c is True or d is SENTINEL\n")


def test_no_identity_comparisons_in_the_code() -> None:
    found = []
    for folder in ("src", "tests", "scripts", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            found += identity_comparisons(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert not found, "compare values, not identities (tokens by .i):\n" + "\n".join(found)
