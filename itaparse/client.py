"""The `itaparse` command: run by the warm server when there is one (see itaparse.server),
else in this process, starting a server for the commands that follow."""

from __future__ import annotations

import os
import sys


def main() -> None:
    if os.environ.get("ITAPARSE_SERVER") != "0":
        _served()
    from itaparse.cli import main as run_here

    run_here()


def _served() -> None:
    """Exit with the command's code if a server ran it; return if this process must."""
    from itaparse import server

    if not server.enabled() or (path := server.socket_path()) is None:
        return
    sock = server.connect(path)
    if sock is not None:
        code = server.ask(sock, sys.argv[1:])
        if code is not None:
            sys.exit(code)
    elif sys.argv[1:2] != ["server"]:  # `itaparse server stop` starts none
        server.spawn(path)
