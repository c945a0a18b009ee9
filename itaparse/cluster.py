"""The batch on a Dask distributed cluster (pip install 'itaparse[dask]').

Each file is one task; its outcome comes back as the same plain `FileResult` the local
workers give, so outputs and resume are the same. Dask runs tasks in worker threads, which
cannot be killed: a file over the time limit is interrupted by an exception raised in its
thread, which stops the pure-Python parsing (pdfminer, the table logic) at its next step.
"""

from __future__ import annotations

import ctypes
import logging
import threading
from collections.abc import Callable, Iterator, Sequence

from itaparse import batch
from itaparse.batch import FileResult, failure, timed_out
from itaparse.errors import InternalError, MissingToolError
from itaparse.options import ParseOptions


class _Overrun(BaseException):
    """Raised into a task's thread at its time limit; a BaseException so that the parser's
    `except Exception` handlers let it through."""


def _interrupt(thread_id: int) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(_Overrun)
    )


def convert_with_limit(
    path: str,
    options: ParseOptions,
    timeout: float | None,
    convert: Callable[[str, ParseOptions], FileResult],
) -> FileResult:
    """The task: `convert` (batch.convert, as the client saw it), stopped at the time limit."""
    if not timeout:
        return convert(path, options)
    lock, state = threading.Lock(), {"done": False}
    thread_id = threading.get_ident()

    def overrun() -> None:
        with lock:  # never after the file finished: the exception would hit Dask's own code
            if not state["done"]:
                _interrupt(thread_id)

    timer = threading.Timer(timeout, overrun)
    timer.daemon = True
    timer.start()
    try:
        try:
            return convert(path, options)
        finally:
            with lock:
                state["done"] = True
            timer.cancel()
    except _Overrun:
        return timed_out(path, timeout)


def run_dask(
    paths: Sequence[str],
    address: str,
    options: ParseOptions,
    jobs: int,
    timeout: float | None,
) -> Iterator[tuple[int, FileResult]]:
    """(index, outcome) of each path as it finishes on the cluster at `address`; "local"
    starts a cluster of `jobs` single-threaded worker processes on this machine. The workers
    must be able to read the input paths (a shared file system)."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise MissingToolError("dask", "--dask needs: pip install 'itaparse[dask]'") from None

    cluster = None
    if address == "local":
        cluster = LocalCluster(
            n_workers=jobs,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    try:
        with Client(cluster if cluster is not None else address) as client:
            futures = client.map(
                convert_with_limit,
                list(paths),
                options=options,
                timeout=timeout,
                convert=batch.convert,
                pure=False,
            )
            index = {future.key: i for i, future in enumerate(futures)}
            finishing = as_completed(futures)
            del futures  # held by the client, results would stay in the workers' memory
            for future in finishing:
                i = index.pop(future.key)
                try:
                    outcome = future.result()
                except Exception as exc:  # the task's worker died more than Dask retries
                    error = InternalError(paths[i], f"the Dask task failed: {exc!r}")
                    outcome = failure(paths[i], error)
                future.release()
                yield i, outcome
    finally:
        if cluster is not None:
            cluster.close()
