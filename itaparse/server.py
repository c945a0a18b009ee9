"""A warm process for the command line: the parsing stack loaded once, each command forked.

Run once per file from a shell loop, `find -exec`, `xargs` or a Makefile, the command spent
more time loading Python libraries (pdfplumber, pydantic, pythainlp, typer: about 0.15 s)
than reading a small report. So, as compiler caches and build tools do, the first command
starts this server in the background; later commands hand it their arguments, working
folder, environment and their own stdin, stdout and stderr (passed as file descriptors over
a Unix socket), and the server forks a child that runs the command exactly as the command
line would, writing straight to the caller's terminal or files. Nothing is shared between
commands but what was loaded before the fork. The server ends after ten idle minutes, on
`itaparse server stop`, and is never used with ITAPARSE_SERVER=0.

Only the standard library is imported at the top: the client imports this module too.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import time
from pathlib import Path

IDLE_SECONDS = 600
_INT = struct.Struct("!i")
_STREAMS = 3  # stdin, stdout, stderr


def enabled() -> bool:
    """Whether commands go through a server: POSIX with descriptor passing, not turned off."""
    return (
        os.name == "posix"
        and hasattr(socket, "send_fds")
        and os.environ.get("ITAPARSE_SERVER", "1") != "0"
    )


def runtime_dir() -> Path | None:
    """The user's private folder for the socket, or None when none is safe to use."""
    chosen = os.environ.get("ITAPARSE_RUNTIME_DIR") or os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(chosen) / "itaparse" if chosen else Path(f"/tmp/itaparse-{os.getuid()}")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    # Anyone who can write here could hand us a socket of theirs: only our own private folder.
    if not folder.is_dir() or folder.is_symlink() or info.st_uid != os.getuid():
        return None
    if info.st_mode & 0o077:
        return None
    return folder


def _digest(parts: list[str]) -> str:
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:12]


def _tags() -> tuple[str, str]:
    """(installation, code): this Python and its module path; then every file of this
    package and the package folders of the path as they are now. An upgrade or an edit makes a new
    code tag, so a client never talks to a server running other code, and the installation's
    older servers are told to stop when a new one starts."""
    path = _module_path()
    install = [sys.executable, sys.version, *path]
    code = []
    package = Path(__file__).resolve().parent
    for folder, _dirs, files in os.walk(package):
        for name in sorted(files):
            if name.endswith((".py", ".npz")):
                stat = os.stat(os.path.join(folder, name))
                code.append(f"{folder}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    for entry in path:  # installing or removing a package changes its folder
        if os.path.basename(entry) in ("site-packages", "dist-packages"):
            with contextlib.suppress(OSError):
                code.append(f"{entry}:{os.stat(entry).st_mtime_ns}")
    return _digest(install), _digest(code)


def _module_path() -> list[str]:
    # "" (the working folder, under python -c) made absolute: a server serves one meaning.
    return [os.path.abspath(entry) for entry in sys.path]


def socket_path() -> Path | None:
    folder = runtime_dir()
    if folder is None:
        return None
    install, code = _tags()
    path = folder / f"server-{install}-{code}.sock"
    # A socket's address is at most 108 bytes: in a folder deeper than that, no server.
    return path if len(os.fsencode(path)) < 100 else None


def _retire_others(path: Path) -> None:
    """Stop this installation's servers of other code: an upgrade or an edit leaves them
    serving no one (for up to ten minutes otherwise)."""
    install = path.name.split("-")[1]
    for other in path.parent.glob(f"server-{install}-*.sock"):
        if other != path and (state := _read_state(other)) is not None:
            stop(state[0])


def _starting(path: Path) -> Path:
    return path.with_name(f"{path.name}.starting")


def _pid_file(path: Path) -> Path:
    return path.with_name(f"{path.name}.pid")


def _write_state(path: Path, served: int) -> None:
    """The server's pid and how many commands it has taken, beside its socket."""
    staging = path.with_name(f"{path.name}.pid.{os.getpid()}")
    staging.write_text(f"{os.getpid()} {served}\n")
    os.replace(staging, _pid_file(path))


def _read_state(path: Path) -> tuple[int, int] | None:
    try:
        pid, served = _pid_file(path).read_text().split()
        return int(pid), int(served)
    except (OSError, ValueError):
        return None


def connect(path: Path) -> socket.socket | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(path))
    except OSError:
        sock.close()
        return None
    return sock


_STARTING_FOR = 30.0  # seconds after which an unfinished start is taken as failed


def spawn(path: Path) -> None:
    """Start a server at `path` in the background, in its own session, for later commands;
    this command does not wait for it. It imports exactly what this process would. One start
    at a time: commands that come while a server is starting run by themselves."""
    marker = _starting(path)
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        with contextlib.suppress(OSError):
            if time.time() - marker.stat().st_mtime > _STARTING_FOR:
                marker.unlink()  # a start that failed: the next command tries again
        return
    except OSError:
        return
    os.close(fd)
    _retire_others(path)
    code = (
        "import sys; sys.path[:] = " + repr(_module_path()) + "\n"
        "from itaparse.server import serve; serve(" + repr(str(path)) + ")"
    )
    with contextlib.suppress(OSError):
        subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            close_fds=True,
        )


# --- the client's side --------------------------------------------------------------------


def _receive_int(sock: socket.socket) -> int | None:
    data = b""
    while len(data) < _INT.size:
        chunk = sock.recv(_INT.size - len(data))
        if not chunk:
            return None
        data += chunk
    value: int = _INT.unpack(data)[0]
    return value


_HANDOVER_SECONDS = 30.0  # a server that has not started the command by then is stuck


def ask(sock: socket.socket, args: list[str]) -> int | None:
    """Run the command `args` in the server: its exit code, or None when the server could not
    take it (the caller then runs it itself). Ctrl-C, SIGTERM and SIGHUP are passed on to the
    child that runs it, which stops as the command would."""
    with sock:
        try:
            streams = [[s.encoding, s.errors] for s in (sys.stdout, sys.stderr)]
            request = json.dumps(
                {
                    "argv": args,
                    "cwd": os.getcwd(),
                    "env": dict(os.environ),
                    "umask": _umask(),
                    "streams": streams,
                }
            ).encode()
            sock.settimeout(_HANDOVER_SECONDS)
            socket.send_fds(sock, [_INT.pack(len(request))], list(range(_STREAMS)))
            sock.sendall(request)
            child = _receive_int(sock)
        except (OSError, AttributeError):  # closed standard streams, a deleted folder, ...
            return None
        if child is None:
            return None
        sock.settimeout(None)
        forwarded: list[int] = []

        def forward(signum: int, _frame: object) -> None:
            forwarded.append(signum)
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signum)

        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, forward)
        code = _receive_int(sock)
    if code is None and forwarded:  # ended by the signal, as the command alone would be
        return 128 + forwarded[-1]
    if code is None:
        print("error: the itaparse server's process for this command died", file=sys.stderr)
        return 1
    return code


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- the server's side --------------------------------------------------------------------


def _preload() -> None:
    """Import and warm what commands use, so that each forked child starts with it."""
    import gc

    import geothai

    import itaparse.cli
    import itaparse.export
    import itaparse.readers.docx
    import itaparse.readers.pdf
    import itaparse.report  # noqa: F401
    from itaparse.thai.dictionary import lexicon

    lexicon()
    for province in geothai.provinces():  # the place tables load on first use
        geothai.districts(province.code)
    geothai.subdistricts(geothai.districts(geothai.provinces()[0].code)[0].code)
    gc.freeze()


def serve(path_text: str, idle: float = IDLE_SECONDS) -> None:
    """Listen at path_text until `idle` seconds pass without a command."""
    path = Path(path_text)
    try:
        _preload()
    finally:
        with contextlib.suppress(OSError):
            _starting(path).unlink()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    staging = path.with_name(f"{path.name}.{os.getpid()}")
    listener.bind(str(staging))
    listener.listen(64)
    os.replace(staging, path)  # appears ready, or not at all
    mine = path.stat().st_ino
    served = 0
    _write_state(path, served)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    signal.signal(signal.SIGTERM, lambda *_: _leave(path, mine))
    listener.settimeout(idle)
    while True:
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            break
        served += 1
        with contextlib.suppress(OSError):
            _write_state(path, served)
        if os.fork() == 0:
            listener.close()
            _child(conn)
        conn.close()
    _leave(path, mine)


def _leave(path: Path, mine: int) -> None:
    # Another server may have taken the name since: only our own socket is removed.
    with contextlib.suppress(OSError):
        if path.stat().st_ino == mine:
            path.unlink()
            _pid_file(path).unlink()
    os._exit(0)


def _child(conn: socket.socket) -> None:
    """Become the command: the caller's streams, folder and environment; never returns."""
    code, started = 1, False
    try:
        for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        header, fds, _flags, _addr = socket.recv_fds(conn, _INT.size, _STREAMS)
        length = _INT.unpack(header)[0]
        data = b""
        while len(data) < length:
            chunk = conn.recv(length - len(data))
            if not chunk:
                return
            data += chunk
        request = json.loads(data)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        os.umask(request["umask"])
        # New stream objects on the caller's descriptors: the server's own were opened on
        # /dev/null, and know it (seekable, block-buffered).
        sys.stdin = open(0, encoding=sys.stdin.encoding, closefd=False)  # noqa: SIM115
        sys.stdout, sys.stderr = (
            open(  # noqa: SIM115
                fd,
                "w",
                encoding=encoding,
                errors=errors,
                buffering=1 if os.isatty(fd) else -1,
                closefd=False,
            )
            for fd, (encoding, errors) in zip((1, 2), request["streams"], strict=True)
        )
        conn.sendall(_INT.pack(os.getpid()))
        started = True
        code = _run(request["argv"])
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        # Before the command started, silence: the caller runs it itself.
        if started:
            with contextlib.suppress(OSError):
                conn.sendall(_INT.pack(code))
        os._exit(code)


def _run(args: list[str]) -> int:
    from itaparse.cli import main

    sys.argv = ["itaparse", *args]
    try:
        main()
    except SystemExit as done:
        if done.code is None:
            return 0
        if isinstance(done.code, int):
            return done.code
        print(done.code, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def running() -> tuple[int, int] | None:
    """(pid, commands taken) of the server for this code, if one is listening."""
    path = socket_path()
    if path is None or not path.exists() or (state := _read_state(path)) is None:
        return None
    try:
        os.kill(state[0], 0)  # alive?
    except OSError:
        return None
    return state


def stop(pid: int) -> None:
    """End the server `pid`: it removes its socket; commands it is running finish."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGTERM)
