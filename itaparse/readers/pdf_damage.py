"""Damage a PDF's own structure reveals, found by qpdf (pikepdf) and zlib.

pdfminer reads past damage without a word: a flipped byte in a page's compressed content
loses the rest of that page (and its last row's continuation on the next page is stitched
onto the wrong measure), a flipped bit in stored data changes the text, a font whose
character map is damaged reads with other characters. qpdf decodes every page's content and
the character maps and forms it draws with, says which objects it had to repair, and zlib
checks the Adler-32 sums qpdf ignores. About 5 ms a page.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold the time limit's alarm, Ctrl-C and SIGTERM while qpdf (C++) runs: a Python
    exception raised in a callback from it aborts the process (SIGABRT) instead of
    unwinding. They are delivered, and raised, the moment qpdf returns."""
    import signal

    held = {signal.SIGALRM, signal.SIGINT, signal.SIGTERM}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def qpdf_damage(path: Path, password: str | None) -> tuple[list[str], set[int], bool]:
    """Problems found, the pages whose text may differ from what was written, and whether
    qpdf rebuilt the cross-reference table."""
    with signals_held():
        return _qpdf_check(path, password)


# qpdf names the object it had to repair: "(object 33 0, offset 324): unknown token",
# "page object 19 0 stream 20 0 (content, offset 16): treating unexpected array close".
_NAMED = re.compile(r"\b(?:object|stream) (\d+) \d+\b")


def _qpdf_check(path: Path, password: str | None) -> tuple[list[str], set[int], bool]:
    import pikepdf

    problems: list[str] = []
    damaged: set[int] = set()
    checked: dict[tuple[int, int], str | None] = {}  # streams shared by pages: once each
    used_by: dict[int, set[int]] = {}  # object number -> the pages that draw with it
    try:
        with pikepdf.open(path, password=password or "") as pdf:
            for n, page in enumerate(pdf.pages, 1):
                for number in _objects_of(page):
                    used_by.setdefault(number, set()).add(n)
                broken = _broken_content(page) or _broken_resource(page, checked)
                if broken is not None:
                    damaged.add(n)
                    problems.append(f"page {n}: {broken}")
            numbers = [page.obj.objgen[0] for page in pdf.pages]
            nodes = _tree_nodes(pdf.Root.Pages)
            for after in _lost_pages(path, numbers, nodes):
                damaged |= {after, after + 1} - {0}
                problems.append(f"a page after page {after} is not a page any more: lost")
            warnings = list(pdf.get_warnings())
    except Exception:  # qpdf cannot open it: pdfminer's reading says what is wrong
        return [], set(), False
    for warning in warnings:  # an object qpdf repaired: the pages drawn with it are in doubt
        for number in _NAMED.findall(warning):
            damaged |= used_by.get(int(number), set())
    # What qpdf says after the pages (the more telling), its generic line left out
    problems += [_without_path(w, path) for w in warnings if not w.endswith(": file is damaged")]
    rebuilt = any("reconstruct cross-reference table" in w for w in warnings)
    return problems, damaged, rebuilt


# A page tree's list of pages as the file writes it: "/Kids[ 1 0 R 4 0 R ]".
_KIDS = re.compile(rb"/Kids\s*\[([\d\sR]*)\]")
_REF = re.compile(rb"(\d+)\s+\d+\s+R")
_OBJ = re.compile(rb"(\d+)\s+\d+\s+obj\b")
_OBJ_REACH = 4096  # bytes before a /Kids array its object's header lies within


def _lost_pages(path: Path, pages: list[int], nodes: set[int]) -> list[int]:
    """Where the page tree, as the file writes it, lists an object that qpdf takes for
    neither a page nor a node of the tree (a page whose dictionary was damaged: qpdf drops
    it, and so does pdfminer, and the measures either side of it join across the gap): for
    each, the number of pages before it. Page trees packed in object streams are not seen."""
    kept = set(pages)
    lost: list[int] = []
    read = 0
    data = path.read_bytes()
    for kids in _KIDS.finditer(data):
        # Name and number trees have /Kids too (Chromium's structure tree IDs): only a node
        # of the page tree lists pages.
        owners = list(_OBJ.finditer(data, max(0, kids.start() - _OBJ_REACH), kids.start()))
        if not owners or int(owners[-1].group(1)) not in nodes:
            continue
        for ref in _REF.finditer(kids.group(1)):
            number = int(ref.group(1))
            if number in kept:
                read += 1
            elif number not in nodes:
                lost.append(read)
    return lost


def _tree_nodes(node: Any, depth: int = 0) -> set[int]:
    """The object numbers of the page tree's nodes (/Type /Pages), the root's among them."""
    found = {node.objgen[0]} if node.is_indirect else set()
    for kid in list(node.get("/Kids") or []) if depth < 32 else []:
        if kid.get("/Type") == "/Pages":
            found |= _tree_nodes(kid, depth + 1)
    return found


def _contents(page: Any) -> list[Any]:
    """A page's content streams (one, or an array of them)."""
    import pikepdf

    contents = page.obj.get("/Contents")
    if isinstance(contents, pikepdf.Array):
        return list(contents)
    return [contents] if contents is not None else []


def _drawn_with(page: Any) -> list[tuple[str, Any, Any]]:
    """What a page's text is drawn with, besides its content: (name, font or form, its
    character map or the form itself as the stream to decode, None for a font without one).
    A font's program only draws: a broken one leaves the text as it is."""
    resources = page.obj.get("/Resources")
    if resources is None:
        return []
    found: list[tuple[str, Any, Any]] = []
    for name, font in dict(resources.get("/Font") or {}).items():
        for each in [font, *list(font.get("/DescendantFonts") or [])]:
            found.append((f"font {name}", each, each.get("/ToUnicode")))
    for name, xobject in dict(resources.get("/XObject") or {}).items():
        if xobject.get("/Subtype") == "/Form":
            found.append((f"form {name}", xobject, xobject))
    return found


def _objects_of(page: Any) -> set[int]:
    """The numbers of the objects a page's text comes from: the page, its resources and
    content streams, its fonts with their character maps and widths, its forms."""
    import pikepdf

    items = [page.obj, page.obj.get("/Resources"), *_contents(page)]
    for _name, owner, stream in _drawn_with(page):
        items += [owner, stream, owner.get("/Widths")]
    return {
        item.objgen[0] for item in items if isinstance(item, pikepdf.Object) and item.is_indirect
    }


def _broken_content(page: Any) -> str | None:
    import pikepdf

    try:
        pikepdf.parse_content_stream(page)
    except Exception as exc:  # qpdf raises its own types for a broken stream
        return f"its content cannot be read whole ({exc})"
    if any(_checksum_fails(stream) for stream in _contents(page)):
        return "its content was changed after it was written (its checksum fails)"
    return None


def _checksum_fails(stream: Any) -> bool:
    """A Flate stream whose data decode but fail their Adler-32 check: a flipped bit in a
    stored run changes the text and nothing else, and qpdf does not check the sum."""
    import zlib

    if stream.get("/Filter") != "/FlateDecode":
        return False
    try:
        zlib.decompress(stream.read_raw_bytes())
    except zlib.error:
        return True
    return False


def _broken_resource(page: Any, checked: dict[tuple[int, int], str | None]) -> str | None:
    """A font's character map (ToUnicode) or a form the page draws with whose stream cannot
    be decoded, or decodes to other data than was written: its text is then read with the
    wrong characters, or not at all."""
    for what, _owner, stream in _drawn_with(page):
        if stream is None:
            continue
        key = stream.objgen
        if key not in checked or key == (0, 0):  # (0, 0): a direct object, not shared
            try:
                stream.read_bytes()
                checked[key] = (
                    f"{what} was changed (its checksum fails)" if _checksum_fails(stream) else None
                )
            except Exception as exc:
                checked[key] = f"{what} cannot be decoded ({exc})"
        if checked[key] is not None:
            return checked[key]
    return None


def _without_path(message: str, path: Path) -> str:
    return "qpdf: " + message.removeprefix(str(path)).lstrip(": ")
