"""How each file is read: what a batch sends to every worker along with the path."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParseOptions:
    password: str | None = None  # of encrypted PDFs
    ocr: bool = True  # read pages without a usable text layer (scans) with Tesseract
