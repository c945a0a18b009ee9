"""The command is its own process, and every failure it meets ends in one line and an exit
status: no background server, no traceback, no silence (issue 18)."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

import pytest
from conftest import SAMPLES

import itaparse.atomic
import itaparse.cli

DOCX = SAMPLES / "portrait-loma-no-cover.docx"
COMMAND = [sys.executable, "-m", "itaparse"]


def _session_members(sid: int) -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.getsid(int(pid)) == sid:
                found.append(Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " "))
        except (OSError, ProcessLookupError):
            continue
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
def test_nothing_is_left_running_after_a_command(tmp_path: Path) -> None:
    """The console script does the work itself: when it exits, nothing of it runs on."""
    script = Path(sys.executable).with_name("itaparse")
    command = [str(script)] if script.exists() else COMMAND
    child = subprocess.Popen(
        [*command, str(DOCX), "-q", "-o", str(tmp_path / "out.json")], start_new_session=True
    )
    assert child.wait(timeout=120) == 0
    assert (tmp_path / "out.json").exists()
    assert _session_members(child.pid) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_standard_output_on_a_full_disk_is_one_line_and_exit_1() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([*COMMAND, str(DOCX), "-q"], stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 1
    assert done.stderr.decode() == "error: standard output: no space left on device\n"


def test_standard_output_that_cannot_take_thai_is_one_line_and_exit_1() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run([*COMMAND, "text", str(DOCX)], capture_output=True, env=env)
    assert done.returncode == 1
    assert done.stderr.decode() == (
        "error: standard output cannot take Thai text (its encoding is ascii): set "
        "PYTHONIOENCODING=utf-8 or a UTF-8 locale, or write to a file with -o\n"
    )


class _FullDisk:
    """A file whose writes fail as on a full disk."""

    def __init__(self, f: IO[bytes]) -> None:
        self.f = f

    def __enter__(self) -> _FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.f.close()

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.f, name)


def test_an_output_on_a_full_disk_names_it_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_fdopen = os.fdopen
    monkeypatch.setattr(
        itaparse.atomic.os, "fdopen", lambda fd, mode: _FullDisk(real_fdopen(fd, mode))
    )
    out = tmp_path / "out.json"
    monkeypatch.setattr(sys, "argv", ["itaparse", str(DOCX), "-q", "-o", str(out)])
    with pytest.raises(SystemExit) as done:
        itaparse.cli.main()
    assert done.value.code == 1
    assert capsys.readouterr().err == f"error: {out}: no space left on device\n"
    assert list(tmp_path.iterdir()) == []


def test_an_unexpected_failure_is_one_line_never_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something odd")

    monkeypatch.setattr(itaparse.cli, "schema_json", broken)
    monkeypatch.setattr(sys, "argv", ["itaparse", "schema"])
    with pytest.raises(SystemExit) as done:
        itaparse.cli.main()
    assert done.value.code == 1
    assert capsys.readouterr().err == (
        "error: itaparse failed (RuntimeError: something odd); please report it\n"
    )


def test_dash_and_devices_are_outputs_not_folders(tmp_path: Path) -> None:
    """`-o -` is standard output, and /dev/stdout or /dev/null are files, never folders."""
    dash = subprocess.run([*COMMAND, str(DOCX), "-q", "-o", "-"], capture_output=True, cwd=tmp_path)
    assert dash.returncode == 0 and dash.stdout.startswith(b"{")
    assert not (tmp_path / "-").exists()
    for device in ("/dev/stdout", "/dev/null"):
        done = subprocess.run([*COMMAND, str(DOCX), "-q", "-o", device], capture_output=True)
        assert done.returncode == 0, done.stderr
        assert done.stderr == b""
    csv = subprocess.run(
        [*COMMAND, str(DOCX), "-q", "-o", "/dev/stdout", "-f", "csv"], capture_output=True
    )
    assert csv.returncode == 0 and csv.stdout.startswith("\ufeffsource,".encode())


def test_a_summary_written_as_csv_opens_in_excel(tmp_path: Path) -> None:
    out = tmp_path / "by-province.csv"
    done = subprocess.run(
        [*COMMAND, "summary", str(DOCX), "-j", "1", "-f", "csv", "-o", str(out)],
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith("\ufeffprovince,".encode())


def test_timeout_stops_a_single_file_too(tmp_path: Path) -> None:
    pdf = SAMPLES / "landscape-laksaman-thai-digits.pdf"
    out = tmp_path / "out.json"
    done = subprocess.run(
        [*COMMAND, str(pdf), "-q", "--timeout", "0.01", "-o", str(out)], capture_output=True
    )
    assert done.returncode == 1
    assert done.stderr.decode() == f"error: {pdf}: stopped after 0.01 s (--timeout)\n"
    assert not out.exists()


def test_a_home_folder_that_cannot_be_written_is_no_failure(tmp_path: Path) -> None:
    # pythainlp makes ~/pythainlp-data when imported: a read-only home (a container, a CI
    # runner, a system account) failed every command.
    home = tmp_path / "home"
    home.write_text("not a folder")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHAINLP_")} | {
        "HOME": str(home)
    }
    out = tmp_path / "out.json"
    done = subprocess.run([*COMMAND, str(DOCX), "-q", "-o", str(out)], capture_output=True, env=env)
    assert (done.returncode, done.stderr) == (0, b"")
    assert out.stat().st_size > 0


def _processes_mentioning(text: str) -> list[str]:
    found = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                line = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
            except OSError:
                continue
            if text in line:
                found.append(line)
    return found


def _wait_for(condition: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("how", ["ctrl-c", "sigterm", "batch-ctrl-c"])
def test_stopping_a_doc_conversion_leaves_no_libreoffice_and_no_temp_folder(
    tmp_path: Path, how: str
) -> None:
    if shutil.which("soffice") is None:
        pytest.skip("needs LibreOffice")
    temp = tmp_path / "tmp"
    temp.mkdir()
    doc = SAMPLES / "portrait-loma-no-cover.doc"
    if how == "batch-ctrl-c":  # stopped in a worker process
        (tmp_path / "in").mkdir()
        for name in ("a.doc", "b.doc"):
            shutil.copy(doc, tmp_path / "in" / name)
        arguments = ["in", "-q", "-j", "2", "-o", "out.json/"]
    else:
        arguments = [str(doc), "-q", "-o", "out.json"]
    child = subprocess.Popen(
        [*COMMAND, *arguments],
        cwd=tmp_path,
        env=os.environ | {"TMPDIR": str(temp)},
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        # as a terminal's foreground job: Ctrl-C not ignored, whatever started pytest
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert _wait_for(lambda: _processes_mentioning(f"{temp}/itaparse-doc-"), 60)
    time.sleep(0.5)  # LibreOffice well under way
    # Ctrl-C reaches the terminal's whole foreground group; a time limit or a service
    # manager sends SIGTERM to the command alone.
    if how.endswith("ctrl-c"):
        os.killpg(child.pid, signal.SIGINT)
    else:
        child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == (143 if how == "sigterm" else 130), stderr
    assert "Traceback" not in stderr
    assert _wait_for(lambda: not _processes_mentioning(f"{temp}/itaparse-doc-"), 10)
    assert list(temp.iterdir()) == []
    assert not (tmp_path / "out.json").is_file()


def test_a_time_limit_met_inside_pdfplumber_is_said_as_it_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # pdfplumber wraps whatever pdfminer raises, the timer's error included: that was read as
    # "not a readable PDF (... stopped after 0.01 s (--timeout))" when the timer fired there.
    from pdfplumber.utils.exceptions import PdfminerException

    import itaparse.readers.pdf
    from itaparse.errors import TimeLimitError

    pdf = SAMPLES / "landscape-laksaman-thai-digits.pdf"

    def opened_too_late(*args: object, **kwargs: object) -> None:
        raise PdfminerException(TimeLimitError(pdf, "stopped after 0.01 s (--timeout)"))

    monkeypatch.setattr(itaparse.readers.pdf.pdfplumber, "open", opened_too_late)
    with pytest.raises(TimeLimitError, match=r"stopped after 0.01 s \(--timeout\)$"):
        itaparse.parse(pdf)


def test_debug_images_and_plots_that_cannot_be_written_are_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"  # a folder under a file: unwritable, even for root
    blocker.write_text("")
    pdf = SAMPLES / "portrait-loma-no-cover.pdf"
    inspect = subprocess.run(
        [*COMMAND, "inspect", str(pdf), "--debug-dir", str(blocker / "debug")],
        capture_output=True,
    )
    assert inspect.returncode == 1
    assert inspect.stderr.decode() == f"error: {blocker / 'debug'}: not a directory\n"
    plot = subprocess.run(
        [*COMMAND, "summary", str(DOCX), "-j", "1", "--plot", str(blocker / "plot.png")],
        capture_output=True,
    )
    assert plot.returncode == 1
    assert plot.stderr.decode() == f"error: {blocker / 'plot.png'}: not a directory\n"


def test_a_batch_on_a_full_disk_keeps_what_finished_and_says_where_it_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for name in ("a", "b", "c"):
        (inputs / f"{name}.docx").write_bytes(DOCX.read_bytes())
    real_fdopen, opened = os.fdopen, []

    def fills_up(fd: int, mode: str) -> Any:  # room for two results, then none
        opened.append(fd)
        return real_fdopen(fd, mode) if len(opened) <= 2 else _FullDisk(real_fdopen(fd, mode))

    monkeypatch.setattr(itaparse.atomic.os, "fdopen", fills_up)
    monkeypatch.setattr(sys, "argv", ["itaparse", str(inputs), "-q", "-j", "1", "-o", f"{out}/"])
    with pytest.raises(SystemExit) as done:
        itaparse.cli.main()
    assert done.value.code == 1
    assert capsys.readouterr().err == (
        f"error: {out / 'c.docx.json'}: no space left on device\n"
        f"stopped: what finished is kept in {out}/; make room and run the same command to go on\n"
    )
    assert sorted(p.name for p in out.glob("*.json")) == ["a.docx.json", "b.docx.json"]
    monkeypatch.setattr(itaparse.atomic.os, "fdopen", real_fdopen)  # room again: goes on
    with pytest.raises(SystemExit) as again:
        itaparse.cli.main()
    assert again.value.code == 0
    assert len(list(out.glob("*.docx.json"))) == 3
