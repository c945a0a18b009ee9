"""itaparse: Thai ITA measures reports (PDF, Word) to structured data."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from itaparse.errors import ItaparseError
from itaparse.models import Category, Measure, PageQuality, ParseWarning, Period, Report, Source
from itaparse.report import parse

try:
    __version__ = version("itaparse")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

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
