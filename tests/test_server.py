"""The warm server: commands after the first run in a child forked from it, with the same
output, messages and exit codes as when they load everything themselves."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from faults import interrupted

PDF = SAMPLES / "landscape-kinnari-summary-table.pdf"
# The command as its console script runs it (python -m itaparse never uses a server).
COMMAND = [sys.executable, "-c", "from itaparse.client import main; main()"]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the server needs Unix sockets")


@pytest.fixture
def env() -> Iterator[dict[str, str]]:
    # A short folder: a socket's address is at most 108 bytes, and tmp_path is deep.
    with tempfile.TemporaryDirectory(prefix="itaparse-") as runtime:
        served = {**os.environ, "ITAPARSE_SERVER": "1", "ITAPARSE_RUNTIME_DIR": runtime}
        yield served
        subprocess.run([*COMMAND, "server", "stop"], env=served, capture_output=True, cwd=ROOT)


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *args], env=env, capture_output=True, text=True, cwd=ROOT, check=False
    )


def _started(env: dict[str, str]) -> str:
    """Run a first command, which starts the server; wait until it listens."""
    assert _run(["--version"], env).returncode == 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = _run(["server", "status"], env).stdout
        if status.startswith("running"):
            return status
        time.sleep(0.1)
    raise AssertionError("the server did not start")


def _taken(env: dict[str, str]) -> int:
    return int(_run(["server", "status"], env).stdout.rsplit(" ", 1)[1])


def test_a_served_command_writes_what_a_command_alone_writes(
    env: dict[str, str], tmp_path: Path
) -> None:
    _started(env)
    before = _taken(env)
    served = _run([str(PDF), "-q", "-o", str(tmp_path / "served.json")], env)
    assert served.returncode == 0, served.stderr
    assert _taken(env) == before + 2  # this command, and the status asked before it
    alone = {**env, "ITAPARSE_SERVER": "0"}
    assert _run([str(PDF), "-q", "-o", str(tmp_path / "alone.json")], alone).returncode == 0
    assert (tmp_path / "served.json").read_bytes() == (tmp_path / "alone.json").read_bytes()
    # Standard output is the caller's own, a pipe here; relative paths are the caller's.
    piped = _run([str(PDF.relative_to(ROOT)), "-q"], env)
    assert piped.returncode == 0
    assert json.loads(piped.stdout)["source"]["path"] == str(PDF.relative_to(ROOT))


def test_a_served_command_fails_as_a_command_alone_fails(env: dict[str, str]) -> None:
    _started(env)
    missing = _run(["missing.pdf"], env)
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr == "error: missing.pdf: no such file\n"
    usage = _run([str(PDF), "--no-such-option"], env)
    assert usage.returncode == 2
    assert "No such option: --no-such-option" in usage.stderr


def test_ctrl_c_reaches_the_served_command(env: dict[str, str], tmp_path: Path) -> None:
    _started(env)
    pdfs = [str(pdf) for pdf in sorted(SAMPLES.glob("*.pdf"))] * 3
    out = tmp_path / "out"
    command = [*COMMAND, *pdfs, "-o", f"{out}/", "-j", "1", "-q"]
    code, stderr = interrupted(command, out, ROOT, env)
    assert code == 130, stderr
    assert stderr.endswith("the same command goes on from there\n")


def test_stop_ends_the_server_and_without_it_commands_run_alone(env: dict[str, str]) -> None:
    pid = int(_started(env).split("pid ")[1].split(",")[0])
    assert _run(["server", "stop"], env).stdout == f"stopped, pid {pid}\n"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _run(["server", "status"], env).stdout != (
        "not running\n"
    ):
        time.sleep(0.1)
    assert _run(["server", "status"], env).stdout == "not running\n"
    alone = {**env, "ITAPARSE_SERVER": "0"}
    assert _run(["--version"], alone).returncode == 0
    time.sleep(0.5)
    assert _run(["server", "status"], alone).stdout == "not running\n"  # none was started


def test_no_server_where_its_socket_would_be_unsafe_or_unreachable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from itaparse import server

    shared = tmp_path / "shared"
    (shared / "itaparse").mkdir(parents=True, mode=0o777)
    (shared / "itaparse").chmod(0o777)  # others could plant a socket of theirs here
    monkeypatch.setenv("ITAPARSE_RUNTIME_DIR", str(shared))
    assert server.runtime_dir() is None and server.socket_path() is None
    deep = tmp_path / ("d" * 60) / ("e" * 60)  # past the 108 bytes of a socket's address
    monkeypatch.setenv("ITAPARSE_RUNTIME_DIR", str(deep))
    assert server.runtime_dir() is not None and server.socket_path() is None
