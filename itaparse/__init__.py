"""itaparse: Thai ITA measures reports (PDF, Word) to structured data.

The names below load on first use, so that the command line starts without the parsing
stack (pydantic, pythainlp, pdfplumber) when it only prints its version or help.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from itaparse._version import __version__
from itaparse.errors import ItaparseError

if TYPE_CHECKING:
    from itaparse.models import (
        Category,
        Measure,
        PageQuality,
        ParseWarning,
        Period,
        Report,
        Source,
    )
    from itaparse.report import parse

_LAZY = {
    "Category": "itaparse.models",
    "Measure": "itaparse.models",
    "PageQuality": "itaparse.models",
    "ParseWarning": "itaparse.models",
    "Period": "itaparse.models",
    "Report": "itaparse.models",
    "Source": "itaparse.models",
    "parse": "itaparse.report",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'itaparse' has no attribute {name!r}")
    return getattr(import_module(module), name)


__all__ = [
    "Category",
    "ItaparseError",
    "Measure",
    "PageQuality",
    "ParseWarning",
    "Period",
    "Report",
    "Source",
    "__version__",
    "parse",
]
