"""Bad input: one clear line naming the file and the reason; nothing half-written."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from stancemap.errors import InputError
from stancemap.ingest.readers import read_bytes

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))
# Bytes no text encoding explains (invalid UTF-8 and no plausible single-byte reading).
GARBLED = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFE, 0xFF, 0x83]) * 40


def run_cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stancemap", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=300)


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith(("skipped:", "error:"))]


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"   \n\n  \t\n", "empty file"),
    ("picture.png", PNG, "PNG image"),
    ("fake.txt", PNG, "PNG image"),
    ("legacy.txt", GARBLED, "unknown text encoding"),
])
def test_each_bad_file_gets_one_line_and_a_failing_exit(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    db = tmp_path / "bad.db"
    res = run_cli("ingest", str(f), db=db)
    lines = error_lines(res.stderr)
    assert res.returncode != 0
    assert len(lines) == 1, res.stderr
    assert str(f) in lines[0] and reason in lines[0]
    assert "Traceback" not in res.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0


def test_missing_path(tmp_path: Path) -> None:
    res = run_cli("ingest", str(tmp_path / "nope.txt"), db=tmp_path / "x.db")
    assert res.returncode != 0
    assert error_lines(res.stderr) == [f"skipped: {tmp_path / 'nope.txt'}: no such file or directory"]


def test_directory_without_readable_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    res = run_cli("ingest", str(empty), db=tmp_path / "x.db")
    assert res.returncode != 0
    assert error_lines(res.stderr) == [f"skipped: {empty}: directory has no readable files"]
    pics = tmp_path / "pics"
    pics.mkdir()
    (pics / "a.png").write_bytes(PNG)
    (pics / "b.png").write_bytes(PNG)
    res = run_cli("ingest", str(pics), db=tmp_path / "y.db")
    assert res.returncode != 0
    lines = error_lines(res.stderr)
    assert any(f"{pics}: no readable documents" in ln for ln in lines)


def test_good_file_beside_bad_ones_is_ingested_and_exit_is_zero(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.png").write_bytes(PNG)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "good.txt").write_text(
        "Peru and Ecuador signed a border agreement in Lima on Monday after two years of talks.\n\n"
        "The foreign ministers of both countries praised the deal as a model for the region.\n", encoding="utf-8")
    db = tmp_path / "mixed.db"
    res = run_cli("ingest", str(folder), db=db)
    assert res.returncode == 0, res.stderr
    assert len(error_lines(res.stderr)) == 2
    with sqlite3.connect(db) as con:
        assert [r[0] for r in con.execute("SELECT id FROM documents")] == ["good"]


def test_reader_accepts_cp1252_and_utf16() -> None:
    text = "Café owners in Montréal protested the new tax, saying it would ruin small businesses."
    assert read_bytes(text.encode("cp1252"), "x").text == text
    assert read_bytes(text.encode("utf-16"), "x").text == text


def test_reader_refuses_binary_with_a_reason() -> None:
    with pytest.raises(InputError, match="not a text document: PDF document"):
        read_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "report.pdf")
