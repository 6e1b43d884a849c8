"""A deterministic corpus of hostile inputs for ``stancemap ingest``.

Each input is a file name (a path relative to the corpus folder) and its bytes, made here from a seeded
:class:`random.Random`, so that a failure can be replayed exactly. The inputs cover what a folder of
scraped news really holds, and worse: binaries and archives under text names, wrong and mixed encodings,
NUL bytes, empty and huge files, HTML bombs and deep nesting, RSS/Atom with entity bombs, undefined
entities and bad dates, broken WARC archives, URL lists with junk, hostile ``SOURCES.csv`` sidecars, odd
Unicode and odd file names.

Most inputs are refused early (cheap); only a modest number hold text that the whole extraction pipeline
has to read, so that the end-to-end test stays bounded in time.
"""

from __future__ import annotations

import bz2
import gzip
import io
import random
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

SEED = 14

# Words for generated sentences: actors, acts and filler the extraction stages react to.
_ACTORS = ["Kazakhstan", "Russia", "China", "the United States", "Uzbekistan", "Ukraine", "the European Union",
           "Turkey", "Iran", "the foreign ministry", "President Tokayev", "NATO", "the United Nations", "Mongolia"]
_VERBS = ["condemned", "signed an agreement with", "criticised", "praised", "accused", "met", "sanctioned",
          "called on", "rejected the demands of", "supported", "threatened", "abstained on a vote about"]
_TAILS = ["on Monday", "in Astana", "after talks", "in March 2022", "during the summit", "last week",
          "for the third time", "despite protests", "on 3 March", ""]
_NUMBERS = ["$4.5 billion", "12 percent", "3,000 troops", "1.2 million barrels a day", "40 tonnes"]


@dataclass(frozen=True)
class Hostile:
    """One hostile input: where it goes in the corpus folder, its bytes, and what kind it is.

    ``counted`` is False for files ingest reads as metadata of other files (``SOURCES.csv``), not as
    documents: they need not be accounted for as stored or skipped.
    """

    name: str
    data: bytes
    kind: str
    counted: bool = True


def sentence(rng: random.Random) -> str:
    """A plausible news sentence naming two actors (the extraction stages have something to read)."""
    a, b = rng.sample(_ACTORS, 2)
    tail = rng.choice(_TAILS)
    extra = f", pledging {rng.choice(_NUMBERS)}" if rng.random() < 0.3 else ""
    s = f"{a} {rng.choice(_VERBS)} {b}{' ' + tail if tail else ''}{extra}."
    return s[0].upper() + s[1:]


def article(rng: random.Random, sentences: int = 3) -> str:
    """A short article: paragraphs of generated sentences, one paragraph per line."""
    return "\n\n".join(" ".join(sentence(rng) for _ in range(rng.randint(1, 2))) for _ in range(sentences))


def _minimal_png(rng: random.Random) -> bytes:
    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    w, h = rng.randint(1, 16), rng.randint(1, 16)
    raw = b"".join(b"\x00" + bytes(rng.randrange(256) for _ in range(w * 3)) for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _minimal_pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text[:200]}) Tj ET".encode("latin-1", "replace")
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/Contents 4 0 R>>endobj\n"
            + f"4 0 obj<</Length {len(stream)}>>stream\n".encode() + stream + b"\nendstream endobj\ntrailer<<>>\n%%EOF\n")


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


# --- categories ------------------------------------------------------------------------------------------

def _empty(rng: random.Random) -> list[tuple[str, bytes]]:
    blanks = [b"", b" ", b"\n", b"\r\n\r\n", b"\t\t\n   \n", b"\x0c", b"\x0b\n", " \u00a0\u2007\n".encode(),
              "\u200b\u200b\u2060\n".encode(), "\ufeff".encode(), "\ufeff   \n".encode(),
              b"\xff\xfe", b"\xfe\xff", "\ufeff".encode("utf-16"), " \n".encode("utf-16"),
              "\u3000\u3000".encode(), "\u2028\u2029".encode(), "\u00ad\u00ad".encode()]
    exts = [".txt", ".html", ".md", ".rss", ".xml", ".atom", ".htm", ".text", ".urls", "", ".dat", ".warc"]
    out = [(f"blank{n}{exts[n % len(exts)]}", b) for n, b in enumerate(blanks)]
    out += [(f"empty{n}{ext}", b"") for n, ext in enumerate(exts)]
    return out


def _binary(rng: random.Random) -> list[tuple[str, bytes]]:
    exts = [".txt", ".html", ".md", ".rss", ".xml", ".htm", "", ".bin", ".atom", ".shtml", ".text", ".url"]
    out = []
    for n in range(200):
        size = rng.choice([1, 2, 3, 7, 64, 512, 4096, 20000])
        data = bytes(rng.randrange(256) for _ in range(size))
        out.append((f"bin{n}{exts[n % len(exts)]}", data))
    return out


def _nul(rng: random.Random) -> list[tuple[str, bytes]]:
    out = []
    for n in range(60):
        text = article(rng, 2).encode("utf-8")
        pos = sorted(rng.randrange(len(text)) for _ in range(rng.randint(1, 20)))
        buf = bytearray(text)
        for p in reversed(pos):
            buf[p:p] = b"\x00" * rng.randint(1, 3)
        if n % 5 == 0:
            buf = bytearray(text.decode().encode("utf-16-le"))  # UTF-16 without a BOM: NULs everywhere
        if n % 7 == 0:
            buf = bytearray(b"\x00" * rng.randint(1, 5000))
        if n % 9 == 0:  # a clean head, NUL bytes only past the first 8 KB
            buf = bytearray((article(rng, 2) + "\n\n").encode() * 120) + b"\x00tail"
        ext = [".txt", ".html", ".md", ".rss"][n % 4]
        if ext == ".html":
            buf = bytearray(b"<html><body><p>") + buf + b"</p></body></html>"
        out.append((f"nul{n}{ext}", bytes(buf)))
    return out


def _disguised(rng: random.Random) -> list[tuple[str, bytes]]:
    """Archives, documents and images under text and HTML names."""
    makers: list[tuple[str, Callable[[], bytes]]] = [
        ("gzip-text", lambda: _gzip(article(rng).encode())),
        ("gzip-html", lambda: _gzip(f"<html><body><p>{article(rng)}</p></body></html>".encode())),
        ("zip", lambda: _zip({"a.txt": article(rng).encode(), "b.html": b"<html></html>"})),
        ("zip-docx", lambda: _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})),
        ("pdf", lambda: _minimal_pdf(article(rng))),
        ("png", lambda: _minimal_png(rng)),
        ("jpeg", lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(rng.randrange(256) for _ in range(300))),
        ("gif", lambda: b"GIF89a" + bytes(rng.randrange(256) for _ in range(100))),
        ("bz2", lambda: bz2.compress(article(rng).encode())),
        ("elf", lambda: b"\x7fELF\x02\x01\x01" + bytes(200)),
        ("sqlite", lambda: b"SQLite format 3\x00" + bytes(rng.randrange(256) for _ in range(200))),
        ("ole", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(rng.randrange(256) for _ in range(200))),
        ("mp3", lambda: b"ID3\x03\x00\x00\x00" + bytes(rng.randrange(256) for _ in range(200))),
        ("riff", lambda: b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(rng.randrange(256) for _ in range(100))),
        ("mp4", lambda: b"\x00\x00\x00\x18ftypmp42" + bytes(rng.randrange(256) for _ in range(100))),
        ("xz", lambda: b"\xfd7zXZ\x00\x00" + bytes(rng.randrange(256) for _ in range(100))),
        ("gzip-truncated", lambda: _gzip(article(rng).encode())[:20]),
        ("zip-empty", lambda: _zip({})),
        ("wasm", lambda: b"\x00asm\x01\x00\x00\x00" + bytes(50)),
        ("pdf-text-tail", lambda: b"%PDF-1.7\n" + article(rng).encode()),
    ]
    exts = [".txt", ".html", ".htm", ".md", ".rss", ".xml", ""]
    out = []
    for n in range(180):
        label, make = makers[n % len(makers)]
        out.append((f"disguised{n}-{label}{exts[n % len(exts)]}", make()))
    return out


def _encodings(rng: random.Random) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    # Broken Unicode: truncated UTF-16/32, BOM + garbage, invalid UTF-8 after a UTF-8 BOM.
    for n in range(60):
        text = article(rng, 1)
        variants = [
            text.encode("utf-16")[: -1 - (n % 3) * 2 if n % 2 else -1],
            "\ufeff".encode("utf-16-be")[:2] + bytes(rng.randrange(256) for _ in range(rng.choice([1, 3, 101]))),
            b"\xff\xfe\x00\x00" + bytes(rng.randrange(256) for _ in range(rng.choice([5, 9, 63]))),
            b"\xef\xbb\xbf" + text.encode()[:20] + b"\xff\xfe\xc0\xaf" + text.encode()[20:],
            text.encode("utf-16-le")[:-1] if n % 2 else text.encode("utf-16-be"),
        ]
        out.append((f"enc-broken{n}.txt", variants[n % len(variants)]))
    # Invalid UTF-8 sequences: overlong forms, 5- and 6-byte leads, lone continuation bytes, CESU-8 surrogates.
    bad = [b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf8\x88\x80\x80\x80", b"\xfc\x84\x80\x80\x80\x80", b"\x80\x80",
           b"\xf4\x90\x80\x80", b"\xc3", b"\xed\xa0\x80", b"\xed\xbf\xbf"]
    for n in range(30):
        words = article(rng, 1).split()
        for _ in range(rng.randint(1, 6)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(bad).decode("latin-1"))
        data = " ".join(words).encode("latin-1", "replace")
        out.append((f"enc-invalid-utf8-{n}.txt", data))
    # Lone surrogates written with surrogatepass (CESU-style), in text and HTML.
    for n in range(20):
        text = article(rng, 1)
        cut = rng.randrange(len(text))
        lone = rng.choice(["\ud800", "\udfff", "\udc00\ud83d", "\ud83d"])
        data = (text[:cut] + lone + text[cut:]).encode("utf-8", "surrogatepass")
        name = f"enc-surrogate{n}." + ("html" if n % 4 == 0 else "txt")
        if n % 4 == 0:
            data = b"<html><body><p>" + data + b"</p></body></html>"
        out.append((name, data))
    # Legacy encodings and mixtures of two encodings in one file (these decode to some text).
    legacy = ["cp1252", "latin-1", "koi8-r", "cp1251", "shift_jis", "gb2312", "big5", "euc-kr", "iso8859-7",
              "cp437", "mac_roman", "utf-7"]
    samples = ["Le ministère a condamné l'accord signé à Genève.", "Министр иностранных дел осудил соглашение.",
               "外務省は合意を非難した。", "外交部谴责了该协议。", "外交部譴責了該協議。", "외교부는 합의를 비난했다.",
               "Το υπουργείο καταδίκασε τη συμφωνία.", "Résumé naïve café — “quoted” ‘text’ …"]
    for n in range(36):
        enc = legacy[n % len(legacy)]
        text = rng.choice(samples)
        data = text.encode(enc, "replace")
        if n % 3 == 0:  # UTF-8 and a legacy encoding in one file
            data = article(rng, 1).encode("utf-8") + b"\n" + data + b"\n" + "Ωμέγα — «ok»".encode()
        out.append((f"enc-legacy{n}-{enc}.txt", data))
    # High bytes only: no encoding explains them well.
    for n in range(30):
        data = bytes(rng.randrange(0x80, 0x100) for _ in range(rng.choice([8, 80, 800])))
        out.append((f"enc-highbytes{n}" + [".txt", ".html", ".md"][n % 3], data))
    # An HTML page whose meta charset lies.
    for n in range(8):
        body = article(rng, 2)
        declared = ["utf-16", "shift_jis", "x-unknown", "utf-8"][n % 4]
        actual = ["utf-8", "cp1252", "utf-8", "cp1252"][n % 4]
        page = f'<html><head><meta charset="{declared}"></head><body><p>{body} Café.</p></body></html>'
        out.append((f"enc-lying-charset{n}.html", page.encode(actual, "replace")))
    return out


def _line_endings(rng: random.Random) -> list[tuple[str, bytes]]:
    """One article with every kind of line break: the copies are exact duplicates once cleaned."""
    base = article(rng, 4)
    seps = ["\r\n", "\r", "\n\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\r\r\n", "\n\n\n\n"]
    out = []
    for n, sep in enumerate(seps * 3):
        text = base.replace("\n\n", sep) if n < len(seps) else base.replace("\n", sep)
        if n >= 2 * len(seps):
            text = sep.join(base.replace("\n\n", " ").split(". "))  # a break after every sentence
        out.append((f"eol{n}.txt", text.encode("utf-8")))
    return out


def _huge(rng: random.Random) -> list[tuple[str, bytes]]:
    """A few big inputs: a 1 MB line, a 1 MB word, and 6, 12 and 20 MB files."""
    words = " ".join(rng.choice(["state", "accord", "the", "of", "Russia", "said", "trade", "and"])
                     for _ in range(200_000))
    line = (words * 2).encode()[: 1 << 20]
    big_text = "\n\n".join(sentence(rng) for _ in range(2000)).encode()
    return [
        ("huge-line.txt", line),
        ("huge-word.txt", b"a" * (1 << 20)),
        ("huge-line-nobreak.html", b"<html><body><p>" + line + b"</p></body></html>"),
        ("huge-6mb.txt", (big_text * (6 * (1 << 20) // len(big_text) + 1))[: 6 * (1 << 20)]),
        ("huge-12mb.html", b"<html><body>" + b"<p>" + big_text[:5000] + b"</p>" * 1 + b"<div></div>" * 1_100_000
         + b"</body></html>"),
        ("huge-20mb.txt", b"x " * (10 * (1 << 20))),
    ]


def _html(rng: random.Random) -> list[tuple[str, bytes]]:
    """HTML bombs, deep nesting, tag soup, and pages with nothing but chrome."""
    text = article(rng, 3)
    para = f"<p>{text}</p>"
    pages: list[tuple[str, str]] = [
        ("nested-div-10k", "<html><body>" + "<div>" * 10_000 + para + "</div>" * 10_000 + "</body></html>"),
        ("nested-div-100k-unclosed", "<html><body>" + "<div>" * 100_000 + para + "</body></html>"),
        ("nested-span-50k", "<html><body><p>" + "<span>" * 50_000 + text + "</span>" * 50_000 + "</p></body></html>"),
        ("nested-table-3k", "<html><body>" + "<table><tr><td>" * 3000 + text + "</td></tr></table>" * 3000
         + "</body></html>"),
        ("nested-b-unclosed-20k", "<html><body><p>" + "<b><i>" * 20_000 + text + "</p></body></html>"),
        ("nested-list-5k", "<html><body>" + "<ul><li>" * 5000 + text + "</li></ul>" * 5000 + "</body></html>"),
        ("entity-flood", "<html><body><p>" + "&amp;&lt;&#x1F600;&nbsp;" * 50_000 + "</p>" + para + "</body></html>"),
        ("bad-entities", "<html><body><p>&bogus; &#xFFFFFFFF; &#0; &#xD800; &#55296; &; &#; &#x; " + text
         + "</p></body></html>"),
        ("attr-bomb", "<html><body><p " + " ".join(f'a{i}="{i}"' for i in range(10_000)) + ">" + text
         + "</p></body></html>"),
        ("huge-attr", '<html><body><p title="' + "x" * 1_000_000 + '">' + text + "</p></body></html>"),
        ("unclosed-comment", "<html><body><!-- " + text + "</body></html>"),
        ("comment-only", "<html><body><!--" + text + "--></body></html>"),
        ("script-only", "<html><body><script>" + "var a=1;" * 10_000 + "</script></body></html>"),
        ("style-only", "<html><head><style>" + "p{color:red}" * 10_000 + "</style></head><body></body></html>"),
        ("no-body", "<!DOCTYPE html><html><head><title>Only a title here</title></head></html>"),
        ("doctype-only", "<!DOCTYPE html>"),
        ("html-only", "<html></html>"),
        ("frameset", "<html><frameset><frame src='a.html'><frame src='b.html'></frameset></html>"),
        ("meta-refresh", "<html><head><meta http-equiv='refresh' content='0;url=http://x'></head></html>"),
        ("nav-only", "<html><body><nav><ul>" + "<li><a href='#'>Home</a></li>" * 500 + "</ul></nav></body></html>"),
        ("many-paragraphs", "<html><body>" + "<p>Short.</p>" * 2_000 + "</body></html>"),
        ("xhtml-lol", '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
         + "".join(f'<!ENTITY a{i} "' + f"&a{i - 1};" * 10 + '">' for i in range(1, 10)).replace("&a0;", "&a;")
         + ']><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&a9;</p>' + para + "</body></html>"),
        ("svg-lol", "<html><body><svg><!DOCTYPE svg [<!ENTITY x 'xxxxxxxxxx'>]><text>&x;</text></svg>" + para
         + "</body></html>"),
        ("tag-soup", "<html><body><p>" + text.replace(" ", "<br/></i><td> ") + "</body>"),
        ("cdata", "<html><body><![CDATA[" + text + "]]><p>" + text + "</p></body></html>"),
        ("pre-table", "<html><body><pre>" + "\n".join("| " + " | ".join(str(rng.randint(0, 999)) for _ in range(8))
                                                      + " |" for _ in range(500)) + "</pre></body></html>"),
        ("control-chars", "<html><body><p>" + text.replace(" ", "\x01 ", 5).replace("e", "e\x1b", 3)
         + "</p></body></html>"),
        ("processing-instr", "<?php echo 1; ?><html><body><?xml-stylesheet href='x'?>" + para + "</body></html>"),
        ("ie-conditional", "<html><body><!--[if IE]><p>old</p><![endif]-->" + para + "</body></html>"),
        ("base64-image", "<html><body><img src='data:image/png;base64," + "A" * 500_000 + "'>" + para
         + "</body></html>"),
    ]
    exts = [".html", ".htm", ".xhtml", ".shtml"]
    out = [(f"html-{label}{exts[n % len(exts)]}", page.encode("utf-8")) for n, (label, page) in enumerate(pages)]
    # A few bombs under a .txt name and no name at all (read as text, or sniffed).
    out += [(f"html-as-txt{n}.txt", pages[n][1].encode()) for n in (0, 6, 20)]
    out += [(f"html-sniffed{n}", pages[n][1].encode()) for n in (1, 5, 12)]
    return out


def _feed_wrap(kind: str, items: str, head: str = "") -> str:
    if kind == "atom":
        return f'<?xml version="1.0" encoding="utf-8"?>{head}<feed xmlns="http://www.w3.org/2005/Atom">' \
               f"<title>F</title>{items}</feed>"
    if kind == "rdf":
        return (f'<?xml version="1.0"?>{head}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                f'xmlns="http://purl.org/rss/1.0/">{items}</rdf:RDF>')
    return f'<?xml version="1.0"?>{head}<rss version="2.0"><channel><title>F</title>{items}</channel></rss>'


def _feed_item(kind: str, body: str, link: str = "", date: str = "", title: str = "T") -> str:
    if kind == "atom":
        return (f"<entry><title>{title}</title>" + (f'<link href="{link}"/>' if link else "")
                + (f"<updated>{date}</updated><published>{date}</published>" if date else "")
                + (f"<content type='html'>{body}</content>" if body else "") + "</entry>")
    tag = "item"
    return (f"<{tag}><title>{title}</title>" + (f"<link>{link}</link>" if link else "")
            + (f"<pubDate>{date}</pubDate>" if date else "") + (f"<description>{body}</description>" if body else "")
            + f"</{tag}>")


_LOL = "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, 10))
_BAD_DATES = ["2022-13-45", "2022-02-30T99:99:99Z", "not a date", "99999999999999999999", "-0001-01-01",
              "0000-00-00", "Mon, 32 Foo 2022 25:61:61 GMT", "2022-02-29", "9999-12-31T23:59:59+99:99", "1e308",
              "\u0660\u0661-\u0662-\u0663", "2022/03/03/03/03", "yesterday", "in 3000 years", "۲۰۲۲-۰۳-۰۳",
              "2022-03-03" + "0" * 500, "Tue, 01 Mar 2022 00:00:00 +0000" * 50]


def _feeds(rng: random.Random) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    kinds = ["rss", "atom", "rdf"]
    ext = {"rss": ".rss", "atom": ".atom", "rdf": ".xml"}
    for n in range(12):
        k = kinds[n % 3]
        head = '<!DOCTYPE r [<!ENTITY lol "lol">' + _LOL.replace("lol0", "lol") + "]>"
        items = _feed_item(k, "&lol9;", link=f"https://example.org/lol{n}", title="&lol9;")
        items += _feed_item(k, "&lol5;" * 100, link=f"https://example.org/lol{n}b")
        out.append((f"feed-billion-laughs{n}{ext[k]}", _feed_wrap(k, items, head).encode()))
    for n in range(6):  # quadratic blow-up: one big entity referenced many times
        k = kinds[n % 3]
        head = '<!DOCTYPE r [<!ENTITY big "' + "B" * 50_000 + '">]>'
        out.append((f"feed-quadratic{n}{ext[k]}", _feed_wrap(k, _feed_item(k, "&big;" * 5000), head).encode()))
    for n in range(6):  # external entities must never be read
        k = kinds[n % 3]
        head = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "http://127.0.0.1:1/x">]>'
        out.append((f"feed-xxe{n}{ext[k]}", _feed_wrap(k, _feed_item(k, "&xxe;", link=f"https://e.org/x{n}"),
                                                        head).encode()))
    for n in range(15):  # undefined and HTML-only entities in text and in escaped HTML
        k = kinds[n % 3]
        body = f"&nbsp;&mdash;&undefined{n}; {sentence(rng)} &copy; &amp;lt;p&amp;gt;&hellip;"
        out.append((f"feed-undefined-entities{n}{ext[k]}",
                    _feed_wrap(k, _feed_item(k, body, link=f"https://example.org/ent{n}")).encode()))
    for n, date in enumerate(_BAD_DATES):  # bad dates on items with real content
        k = kinds[n % 3]
        body = article(rng, 2).replace("\n\n", " ")
        out.append((f"feed-bad-date{n}{ext[k]}",
                    _feed_wrap(k, _feed_item(k, body, link=f"https://example.org/date{n}", date=date)).encode()))
    for n in range(10):  # feeds with no items, or items without content: each item a clean skip
        k = kinds[n % 3]
        items = "".join(_feed_item(k, "", link=f"https://example.org/empty{n}-{i}") for i in range(n * 20))
        out.append((f"feed-no-content{n}{ext[k]}", _feed_wrap(k, items).encode()))
    for n in range(10):  # truncated, not well-formed, or not a feed at all
        k = kinds[n % 3]
        whole = _feed_wrap(k, _feed_item(k, sentence(rng), link=f"https://example.org/t{n}"))
        variants = [whole[: len(whole) // 2], whole.replace("</", "<", 3), "<rss><<<>>>&&&", "<?xml version='1.0'?>",
                    "<notafeed><item>x</item></notafeed>", whole.replace("<?xml", "<?xml encoding='utf-16'"),
                    "<rss version='2.0'>" + "<channel>" * 5000 + "</rss>", whole.replace("version", "\x01"),
                    "<rss>" + "&#xD800;" * 10 + "</rss>", whole + "<trailing-garbage>" * 100]
        out.append((f"feed-broken{n}{ext[k]}", variants[n].encode()))
    for n in range(6):  # escaped HTML payloads: deep nesting and entity floods inside an item
        k = kinds[n % 3]
        html = ("&lt;div&gt;" * 5000 + sentence(rng) + "&lt;/div&gt;" * 5000) if n % 2 == 0 \
            else "<![CDATA[" + "<p>" * 3000 + article(rng, 2) + "]]>"
        out.append((f"feed-nested-html{n}{ext[k]}",
                    _feed_wrap(k, _feed_item(k, html, link=f"https://example.org/nest{n}")).encode()))
    for n in range(4):  # two items under one link: the same document id
        k = kinds[n % 3]
        items = _feed_item(k, sentence(rng) + " " + sentence(rng), link="https://example.org/same") * 2
        items = items.replace("</description>", " Extra words.</description>", 1)
        out.append((f"feed-same-link{n}{ext[k]}", _feed_wrap(k, items).encode()))
    for n in range(4):  # odd encodings of a feed
        k = kinds[n % 3]
        whole = _feed_wrap(k, _feed_item(k, sentence(rng), link=f"https://example.org/enc{n}"))
        data = [whole.encode("utf-16"), whole.encode("utf-8")[:-7] + b"\xff\xfe",
                whole.replace('version="1.0"', 'version="1.0" encoding="klingon"').encode(),
                b"\x00" + whole.encode()][n]
        out.append((f"feed-encoding{n}{ext[k]}", data))
    for n in range(3):  # many items, each an odd link
        k = kinds[n % 3]
        links = ["javascript:alert(1)", "", "https://example.org/" + "a" * 5000, "file:///etc/passwd",
                 "https://example.org/\u202e/rtl", "data:text/html,<p>x</p>"]
        items = "".join(_feed_item(k, "", link=lnk) for lnk in links)
        out.append((f"feed-odd-links{n}{ext[k]}", _feed_wrap(k, items).encode()))
    return out


def _warc_record(rtype: str, uri: str, payload: bytes, ctype: str = "text/html", length: int | None = None,
                 http: bool = True, extra: str = "") -> bytes:
    block = (f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n{extra}\r\n".encode() + payload) if http else payload
    n = len(block) if length is None else length
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-03-03T00:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{zlib.crc32(uri.encode()):012d}-0000-0000-0000-000000000000>\r\n"
            f"Content-Type: application/http; msgtype={rtype}\r\nContent-Length: {n}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def _warcs(rng: random.Random) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    page = f"<html><body><p>{article(rng, 2)}</p></body></html>".encode()
    good = _warc_record("response", "https://example.org/good", page)
    for n in range(10):  # truncated anywhere
        whole = good + _warc_record("response", f"https://example.org/t{n}", page)
        out.append((f"warc-truncated{n}.warc", whole[: rng.randrange(10, len(whole) - 10)]))
    for n in range(12):  # lying Content-Length
        lengths = [0, 1, len(page) * 10, 10**12, -5, len(page) // 2]
        length = lengths[n % len(lengths)]
        rec = _warc_record("response", f"https://example.org/len{n}", page, length=length)
        if n >= 6:
            rec = rec.replace(f"Content-Length: {length}".encode(), b"Content-Length: " + [b"abc", b"", b"1e9",
                                                                                            b"0x10", b" ", b"-"][n - 6])
        out.append((f"warc-bad-length{n}.warc", rec))
    for n in range(10):  # gzip garbage and broken gzip members
        variants = [bytes(rng.randrange(256) for _ in range(500)), b"\x1f\x8b" + bytes(rng.randrange(256) for _ in range(300)),
                    _gzip(good)[:-8], _gzip(good)[: len(_gzip(good)) // 2], _gzip(good) + b"garbage" * 10,
                    _gzip(b"not a warc at all\r\n" * 10), _gzip(b""), _gzip(good) + _gzip(page),
                    b"\x1f\x8b\x08\x00" + bytes(6) + zlib.compress(good)[2:], _gzip(_gzip(good))]
        out.append((f"warc-gzip{n}.warc.gz", variants[n]))
    for n in range(12):  # structurally odd but parseable
        variants = [
            _warc_record("request", "https://example.org/req", b"GET / HTTP/1.1\r\n\r\n", http=False),
            _warc_record("response", "https://example.org/png", _minimal_png(rng), ctype="image/png"),
            _warc_record("response", "https://example.org/fakehtml", _minimal_png(rng), ctype="text/html"),
            _warc_record("response", "", page),
            _warc_record("response", "https://example.org/nohttp", page, http=False),
            _warc_record("response", "https://example.org/chunked", b"zz\r\nbroken chunk\r\n", extra="Transfer-Encoding: chunked\r\n"),
            _warc_record("response", "https://example.org/gz", b"\x1f\x8bnot gzip", extra="Content-Encoding: gzip\r\n"),
            _warc_record("response", "https://example.org/empty", b""),
            b"WARC/1.0\r\nWARC-Type: response\r\n\r\n",
            b"WARC/9.9\r\n" + good,
            b"HTTP/1.1 200 OK\r\n\r\n" + page,
            _warc_record("response", "https://example.org/headers", page, extra="Bad Header Line\r\n" * 50),
        ]
        out.append((f"warc-odd{n}.warc", variants[n]))
    for n in range(6):  # text files with a .warc name
        out.append((f"warc-not{n}.warc", [article(rng).encode(), b"", b"WARC/1.0", b"\x00" * 50, page,
                                          b"WARC/1.0\r\n" + b"X: y\r\n" * 10_000][n]))
    out.append(("warc-many-records.warc", b"".join(
        _warc_record("response", f"https://example.org/many{i}", b"<html><body><p>" + (b"Same text. " * 3)
                     + b"</p></body></html>") for i in range(200))))
    return out


def _url_lists(rng: random.Random) -> list[tuple[str, bytes]]:
    out: list[tuple[str, bytes]] = []
    junk = ["not a url", "ftp://example.org/file", "javascript:alert(1)", "http://", "https:// spaced.org/",
            "\x00http://nul.example.org", "www.example.org", "<a href='x'>", "http://[::1", "https://e.org/" + "x" * 9000,
            "\u202ehttps://example.org/rtl", "file:///etc/passwd", "https://example.org/\udcff".encode(
                "utf-8", "surrogateescape").decode("latin-1")]
    for n in range(40):
        lines = [f"https://example.org/news/{n}/{i}" for i in range(rng.randint(0, 5))]
        lines += rng.sample(junk, rng.randint(1, 4))
        lines += ["# a comment", "", "   "][: n % 4]
        rng.shuffle(lines)
        ext = [".urls", ".url", ".txt"][n % 3]
        out.append((f"urls-junk{n}{ext}", "\n".join(lines).encode("utf-8", "surrogatepass")))
    for n in range(10):  # clean URL lists (every URL skipped offline), and odd encodings of them
        urls = "\n".join(f"https://example.org/clean/{n}/{i}" for i in range(3))
        data = [urls.encode(), urls.encode("utf-16"), urls.replace("\n", "\r\n").encode(), (b"# only\n# comments"),
                b"\xff" + urls.encode(), urls.encode() + b"\n\x00", urls.encode() + b"\nhttps://example.org/" + b"y" * 100_000,
                "\n".join(["https://example.org/dup"] * 20).encode(), urls.replace("\n", "\r").encode(),
                ("\n" * 1000).encode()][n]
        out.append((f"urls-clean{n}.urls", data))
    return out


def _sidecars(rng: random.Random) -> list[Hostile]:
    """Folders with a hostile ``SOURCES.csv`` describing one short document each."""
    out: list[Hostile] = []
    headers = "file,title,author,publisher,published,url\n"
    for n in range(20):
        doc = f"doc{n}.txt"
        row_date = _BAD_DATES[n % len(_BAD_DATES)].replace(",", " ")
        sidecars = [
            headers + f"{doc},A title,An author,Pub,{row_date},https://example.org/s{n}\n",
            headers + f'{doc},"unterminated title,x,y,2022-03-03,u\n',
            headers.replace("file", "name") + f"{doc},T,A,P,2022-03-03,u\n",
            headers + f"{doc}," + "T" * 200_000 + ",A,P,2022-03-03,u\n",
            headers + f"{doc},T\x00itle,A,P,2022-03-03,u\n",
            (headers + f"{doc},Tïtle,Äuthor,P,2022-03-03,u\n").encode("cp1252").decode("latin-1"),
            headers + f"{doc},T,A,P,2022-03-03,u,extra,columns,here\n" + f"{doc},Second row,B,Q,2021-01-01,v\n",
            "\ufeff" + headers + f"{doc},BOM title,A,P,2022-03-03,u\n",
            headers + f"{doc},,,,,\n",
            headers + f"../{doc},Escape,A,P,2022-03-03,u\n",
            "",
            headers,
            headers + f"{doc},T,A,P,{rng.randint(1000, 9999)}-{rng.randint(0, 99):02d}-{rng.randint(0, 99):02d},u\n",
            headers + f"{doc},T\nwith newline,A,P,2022-03-03,u\n",
            headers + f'{doc},"T\nquoted newline",A,P,2022-03-03,u\n',
            "\x89PNG\r\n\x1a\n" + "garbage" * 10,
            headers + f"{doc},T,A,P,2022-03,u\n",
            headers + f"{doc},T,A,P,2022,u\n",
            headers + f"{doc},T,A,P,0000,u\n",
            headers + f"{doc},T,A,P,2022-00-00,u\n",
        ]
        folder = f"sidecar{n}"
        out.append(Hostile(f"{folder}/SOURCES.csv", sidecars[n].encode("latin-1" if n == 5 else "utf-8",
                                                                        "surrogatepass"), "sidecar", counted=False))
        out.append(Hostile(f"{folder}/{doc}", article(rng, 2).encode(), "sidecar-doc"))
    return out


def _unicode(rng: random.Random) -> list[tuple[str, bytes]]:
    """Odd Unicode in otherwise readable text: the whole pipeline reads these."""
    def spice(text: str, chars: list[str], k: int) -> str:
        chars_list = list(text)
        for _ in range(k):
            chars_list.insert(rng.randrange(len(chars_list) + 1), rng.choice(chars))
        return "".join(chars_list)

    zw = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]
    bidi = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e",
            "\u200f", "\u061c"]
    scripts = ["Казахстан осудил", "كازاخستان أدانت", "哈萨克斯坦谴责", "カザフスタン", "카자흐스탄", "Καζακστάν",
               "קזחסטן", "कज़ाख़िस्तान", "ყაზახეთი", "Қазақстан"]
    emoji = ["👩‍👩‍👧‍👦", "🏳️‍🌈", "👨🏿‍🚀", "🇰🇿", "🇷🇺🇺🇦", "🧑‍🤝‍🧑", "❤️‍🔥", "🫶🏽", "#️⃣"]
    out: list[tuple[str, bytes]] = []
    for n in range(8):
        out.append((f"uni-zero-width{n}.txt", spice(article(rng, 2), zw, 30).encode()))
    for n in range(8):
        out.append((f"uni-bidi{n}.txt", spice(article(rng, 2), bidi, 20).encode()))
    for n in range(10):
        parts = [sentence(rng), *rng.sample(scripts, 3), sentence(rng)]
        rng.shuffle(parts)
        out.append((f"uni-mixed-scripts{n}.txt", " ".join(parts).encode()))
    for n in range(6):
        out.append((f"uni-emoji-zwj{n}.txt", spice(article(rng, 1), emoji, 15).encode()))
    for n in range(5):
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.choice([500, 5000, 50_000])))
        out.append((f"uni-long-word{n}.txt", f"{sentence(rng)} {word} {sentence(rng)}".encode()))
    for n in range(5):
        punct = "".join(rng.choice("!?.,;:—–-…«»“”'\"()[]{}/\\|*&^%$#@~`") for _ in range(rng.randint(1, 3000)))
        out.append((f"uni-only-punct{n}.txt", punct.encode()))
    for n in range(5):
        nums = " ".join(str(rng.randint(-10**9, 10**9)) + rng.choice(["", ".5", "%", ",000"]) for _ in range(200))
        out.append((f"uni-only-numbers{n}.txt", nums.encode()))
    for n in range(4):
        zalgo = "".join(c + "".join(chr(rng.randint(0x300, 0x36F)) for _ in range(rng.randint(5, 40)))
                        for c in sentence(rng))
        out.append((f"uni-zalgo{n}.txt", zalgo.encode()))
    odd = ["\ufffe", "\uffff", "\U0010ffff", "\ue000", "\U000e0001", "\ufffd", "\u0085", "\U0001d400", "\u2028"]
    for n in range(4):
        out.append((f"uni-noncharacters{n}.txt", spice(article(rng, 1), odd, 20).encode()))
    for n in range(3):
        homo = sentence(rng).replace("a", "а").replace("o", "о").replace("e", "е")  # Cyrillic look-alikes
        out.append((f"uni-homoglyphs{n}.txt", homo.encode()))
    out.append(("uni-fullwidth.txt", "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c
                                             for c in sentence(rng)).encode()))
    out.append(("uni-math-bold.txt", "𝐊𝐚𝐳𝐚𝐤𝐡𝐬𝐭𝐚𝐧 𝐜𝐨𝐧𝐝𝐞𝐦𝐧𝐞𝐝 𝐑𝐮𝐬𝐬𝐢𝐚 𝐨𝐧 𝐌𝐨𝐧𝐝𝐚𝐲 𝐢𝐧 𝐀𝐬𝐭𝐚𝐧𝐚.".encode()))
    return out


def _shapes(rng: random.Random) -> list[tuple[str, bytes]]:
    """Texts of awkward shapes: headlines, fragments, tables, long lists, one endless sentence."""
    words = ["the", "state", "Russia", "said", "Kazakhstan", "and", "trade", "of", "sanctions", "talks", "which",
             "that", "China", "would", "not", "recognise", "its", "war", "on", "with"]
    endless = " ".join(rng.choice(words) for _ in range(2000))
    return [
        ("shape-headlines.txt", "\n".join(sentence(rng).rstrip(".").title() for _ in range(30)).encode()),
        ("shape-fragments.txt", "\n".join(f"{rng.choice(_ACTORS)}'s {rng.choice(['position', 'trade', 'vote'])}"
                                          for _ in range(40)).encode()),
        ("shape-table-pipes.txt", "\n".join("| " + " | ".join([rng.choice(_ACTORS), rng.choice(_NUMBERS),
                                                               str(rng.randint(1990, 2030))]) + " |"
                                            for _ in range(60)).encode()),
        ("shape-table-tabs.txt", "\n".join("\t".join([rng.choice(_ACTORS), rng.choice(_NUMBERS), "yes"])
                                           for _ in range(60)).encode()),
        ("shape-long-list.txt", ("Key points:\n" + "\n".join(f"- {sentence(rng)}" for _ in range(150))).encode()),
        ("shape-endless-sentence.txt", (endless.capitalize()).encode()),
        ("shape-numbered-list.md", "\n".join(f"{i}. {rng.choice(_ACTORS)}" for i in range(1, 300)).encode()),
    ]


def _odd_names(rng: random.Random) -> list[tuple[str, bytes]]:
    """Odd file names around small inputs (most refused cheaply, a few readable)."""
    names = ["with space.txt", "ünïcödé-naïve.txt", "кириллица.html", "中文名.txt", "-leading-dash.txt",
             "emoji-🇰🇿.txt", "rtl-\u202etxt.exe", "x" * 200 + ".txt", "semi;colon$dollar`tick.txt",
             "quote\"single'.txt", "newline\nin-name.txt", "tab\tin-name.txt", "bad-byte-\udcff.txt",
             "UPPER.TXT", "double.txt.html", "no-extension", "trailing-dot.", "percent%20name.html"]
    out = []
    for n, name in enumerate(names):
        data = sentence(rng).encode() if n % 3 == 0 else _minimal_png(rng)
        out.append((f"names/{name}", data))
    return out


def corpus(seed: int = SEED) -> list[Hostile]:
    """The whole hostile corpus, in a stable order (same seed, same bytes)."""
    rng = random.Random(seed)
    out: list[Hostile] = []
    makers: list[tuple[str, Callable[[random.Random], list[tuple[str, bytes]]]]] = [
        ("empty", _empty), ("binary", _binary), ("nul", _nul), ("disguised", _disguised),
        ("encoding", _encodings), ("line-endings", _line_endings), ("huge", _huge), ("html", _html),
        ("feed", _feeds), ("warc", _warcs), ("url-list", _url_lists), ("unicode", _unicode), ("shape", _shapes),
        ("odd-name", _odd_names),
    ]
    for kind, make in makers:
        out += [Hostile(name, data, kind) for name, data in make(rng)]
    out += _sidecars(rng)
    names = Counter(h.name for h in out)
    dupes = [n for n, c in names.items() if c > 1]
    assert not dupes, f"hostile corpus names collide: {dupes[:5]}"
    return out


def small(seed: int = SEED, limit: int = 1 << 20) -> list[Hostile]:
    """The corpus without its big files (for quick in-process checks)."""
    return [h for h in corpus(seed) if len(h.data) <= limit]
