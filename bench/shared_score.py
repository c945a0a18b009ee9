"""../shared/bench/score.py, loaded once for every bench that scores against a truth."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

SCORE = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "score.py"


def score_module() -> Any:
    spec = importlib.util.spec_from_file_location("score", SCORE)
    if spec is None or spec.loader is None or not SCORE.exists():
        sys.exit("../shared/bench/score.py is needed")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
