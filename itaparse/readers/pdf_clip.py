"""Text a PDF holds but does not show: glyphs drawn outside their clipping path.

Word and LibreOffice clip a cell's text to the cell. When a cell is too small for its text (a
header row repeated on the next page, where its merged cells lose the height they had; a
fixed-height box), the text layer still holds every line, and the lines that were cut off lie
over the body of the table: pdfminer, which ignores clipping, reads "เชิงปริมาณ*" of the header
into the first measure's cell. pdfium, which renders PDFs, knows each text object's clip: a
glyph wholly outside it is not on the page.
"""

from __future__ import annotations

import ctypes
from pathlib import Path
from typing import Any

# Glyph origins as pdfplumber gives them (char["matrix"][4:6], PDF user space) and pdfium
# gives them, rounded to this many points to be compared.
_ORIGIN_GRID = 0.05

Origin = tuple[int, int]
Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF user space


def origin_key(x: float, y: float) -> Origin:
    return round(x / _ORIGIN_GRID), round(y / _ORIGIN_GRID)


def char_origin(char: Any) -> Origin | None:
    matrix = char.get("matrix")
    if not matrix or len(matrix) < 6:
        return None
    return origin_key(float(matrix[4]), float(matrix[5]))


def _clip_box(raw: Any, obj: Any) -> Box | None:
    """The bounding box of the object's clipping path (the intersection of its paths), or
    None where it has none."""
    clip = raw.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return None
    box: Box | None = None
    x, y = ctypes.c_float(), ctypes.c_float()
    for p in range(raw.FPDFClipPath_CountPaths(clip)):
        xs: list[float] = []
        ys: list[float] = []
        for s in range(raw.FPDFClipPath_CountPathSegments(clip, p)):
            segment = raw.FPDFClipPath_GetPathSegment(clip, p, s)
            if raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
                xs.append(x.value)
                ys.append(y.value)
        if not xs:
            continue
        part = (min(xs), min(ys), max(xs), max(ys))
        box = part if box is None else _meet(box, part)
    return box


def _meet(a: Box, b: Box) -> Box:
    return max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])


def _holds(box: Box, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _meets(clip: Box, glyph: Box) -> bool:
    """Whether any of the glyph's box lies inside the clip. A line a page break cuts shows
    in part on the page (Chromium draws it on both pages, each clipped): only a glyph wholly
    outside is not there."""
    return glyph[0] < clip[2] and glyph[2] > clip[0] and glyph[1] < clip[3] and glyph[3] > clip[1]


def _text_overflows(raw: Any, page: Any) -> bool:
    """Whether any text object of the page reaches outside its clip: the cheap test that
    spares most pages the glyph-by-glyph one."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for i in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, i)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_TEXT:
            continue
        box = _clip_box(raw, obj)
        if box is None:
            continue
        raw.FPDFPageObj_GetBounds(
            obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
        )
        if not (_holds(box, left.value, bottom.value) and _holds(box, right.value, top.value)):
            return True
    return False


def _hidden_on(raw: Any, page: Any) -> set[Origin]:
    text = raw.FPDFText_LoadPage(page)
    hidden: set[Origin] = set()
    clips: dict[int, Box | None] = {}
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    x, y = ctypes.c_double(), ctypes.c_double()
    try:
        for i in range(raw.FPDFText_CountChars(text)):
            obj = raw.FPDFText_GetTextObject(text, i)
            if not obj:  # a space or line break pdfium made up
                continue
            key = ctypes.cast(obj, ctypes.c_void_p).value or 0
            if key not in clips:
                clips[key] = _clip_box(raw, obj)
            box = clips[key]
            if box is None:
                continue
            raw.FPDFText_GetCharBox(
                text,
                i,
                ctypes.byref(left),
                ctypes.byref(right),
                ctypes.byref(bottom),
                ctypes.byref(top),
            )
            if _meets(box, (left.value, bottom.value, right.value, top.value)):
                continue
            if raw.FPDFText_GetCharOrigin(text, i, ctypes.byref(x), ctypes.byref(y)):
                hidden.add(origin_key(x.value, y.value))
    finally:
        raw.FPDFText_ClosePage(text)
    return hidden


def hidden_glyphs(path: Path, password: str | None = None) -> list[set[Origin]]:
    """Per page, in order, the origins of the glyphs that lie outside their clip; an empty
    list where pdfium cannot open the file (then nothing counts as hidden)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except Exception:  # pdfium refuses what pdfminer may still read; nothing is hidden then
        return []
    try:
        found: list[set[Origin]] = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                found.append(_hidden_on(raw, page.raw) if _text_overflows(raw, page.raw) else set())
            finally:
                page.close()
        return found
    finally:
        pdf.close()
