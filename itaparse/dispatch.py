"""Where a batch's files are parsed: local worker processes (itaparse.batch) or a Dask
cluster (itaparse.cluster). Above both, so that neither imports the other's caller."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from itaparse.batch import DEFAULT_TIMEOUT, FileResult, run_local
from itaparse.options import ParseOptions


def run(
    paths: Sequence[str],
    options: ParseOptions = ParseOptions(),
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    dask: str | None = None,
) -> Iterator[tuple[int, FileResult]]:
    """Each path's outcome as it finishes: in local worker processes, or on the Dask cluster
    at address `dask` ("local" starts one on this machine with `jobs` workers)."""
    if dask is not None:
        from itaparse.cluster import run_dask  # Dask loads only for a cluster

        yield from run_dask(paths, dask, options, jobs, timeout)
    else:
        yield from run_local(paths, options, jobs, timeout)
