from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED = ROOT.parent / "shared"


_CACHE = tempfile.TemporaryDirectory(prefix="itaparse-cache-")


def pytest_configure(config: pytest.Config) -> None:
    # Built data (the dictionary trie) goes to a folder of this run, not the user's cache;
    # set before any test, so worker processes that batches start inherit it.
    os.environ.setdefault("ITAPARSE_CACHE_DIR", _CACHE.name)


def pytest_unconfigure(config: pytest.Config) -> None:
    _CACHE.cleanup()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/*.json from the current output instead of comparing",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def shared(*parts: str) -> Path:
    """A file under ../shared, or skip the test when the folder is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def needs_soffice() -> None:
    """Skip without LibreOffice on a developer's machine; CI installs it, so there it fails."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is not installed: .ci/run must install libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")


def needs_tesseract() -> None:
    """Skip without Tesseract's Thai model on a developer's machine; CI installs it."""
    from itaparse.errors import MissingToolError
    from itaparse.readers.ocr import tessdata

    try:
        tessdata()
    except MissingToolError as error:
        if os.environ.get("CI"):
            pytest.fail(f"{error}: .ci/run must install it")
        pytest.skip(str(error))
