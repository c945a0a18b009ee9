"""A batch of many PDFs through the command line: throughput, resume, memory.

usage: python bench/batch_speed.py [--n 200] [--memory-n 1000] [--dask]

Inputs: N copies cycling through samples/*.pdf and ../shared/reference/seed-report.pdf when
present, in a temporary folder. Prints:
  bare         pdfplumber extract_tables() on every page of the N PDFs, in this process
  jobs 1, 2    `itaparse DIR -o OUT/ -j J -q`: wall time and reports per minute; jobs 1 as a
               ratio to bare (target <= 2.0)
  re-run       the same command again on the unchanged inputs, as a share of the first run
               (target <= 20%)
  --dask       `--dask local -j 2` as well, and whether its measures.csv equals the -j 2 one
  memory       peak resident memory of the parent and of the largest worker, and of the
               whole process tree, for N and for --memory-n inputs (-j 2): it must not grow
               with the number of inputs
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pdfplumber
import psutil

ROOT = Path(__file__).resolve().parent.parent


def sources() -> list[Path]:
    files = sorted((ROOT / "samples").glob("*.pdf"))
    seed = ROOT.parent / "shared" / "reference" / "seed-report.pdf"
    return [*files, seed] if seed.exists() else files


def make_inputs(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    pool, made = sources(), []
    for i in range(n):
        source = pool[i % len(pool)]
        target = folder / f"{i:05d}-{source.name}"
        shutil.copy(source, target)
        made.append(target)
    return made


def bare(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                page.extract_tables()
    return time.perf_counter() - start


class Peaks:
    """Samples the resident memory of a process and its children every 50 ms."""

    def __init__(self, pid: int) -> None:
        self.parent = self.worker = self.tree = 0
        self._process = psutil.Process(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.is_set():
            try:
                parent = self._process.memory_info().rss
                children = [c.memory_info().rss for c in self._process.children(recursive=True)]
            except psutil.Error:
                break
            self.parent = max(self.parent, parent)
            self.worker = max(self.worker, max(children, default=0))
            self.tree = max(self.tree, parent + sum(children))
            time.sleep(0.05)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run(folder: Path, out: Path, *options: str) -> tuple[float, Peaks]:
    command = [sys.executable, "-m", "itaparse", str(folder), "-o", str(out), "-q", *options]
    start = time.perf_counter()
    process = subprocess.Popen(command)
    peaks = Peaks(process.pid)
    code = process.wait()
    seconds = time.perf_counter() - start
    peaks.stop()
    if code not in (0, 3):
        sys.exit(f"{' '.join(command)} exited with {code}")
    return seconds, peaks


def mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--memory-n", type=int, default=1000)
    parser.add_argument("--dask", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        files = make_inputs(base / "in", args.n)
        print(f"{args.n} PDFs ({len(sources())} different files, cycled)")
        bare_s = bare(files)
        print(f"bare extract_tables: {bare_s:.1f} s ({args.n / bare_s * 60:.0f} reports/min)")
        one, _ = run(base / "in", base / "j1", "-j", "1")
        print(
            f"jobs 1: {one:.1f} s, {args.n / one * 60:.0f} reports/min, "
            f"{one / bare_s:.2f}x bare extract_tables"
        )
        two, peaks = run(base / "in", base / "j2", "-j", "2")
        print(f"jobs 2: {two:.1f} s, {args.n / two * 60:.0f} reports/min")
        again, _ = run(base / "in", base / "j2", "-j", "2")
        print(f"re-run, nothing changed: {again:.1f} s = {again / two:.0%} of the first run")
        if args.dask:
            dask_s, _ = run(base / "in", base / "dask", "--dask", "local", "-j", "2")
            same = (base / "dask" / "measures.csv").read_bytes() == (
                base / "j2" / "measures.csv"
            ).read_bytes()
            print(
                f"dask local, 2 workers: {dask_s:.1f} s, {args.n / dask_s * 60:.0f} reports/min; "
                f"measures.csv identical to -j 2: {same}"
            )
        print(
            f"memory, {args.n} inputs, -j 2: parent {mb(peaks.parent)}, largest worker "
            f"{mb(peaks.worker)}, all processes {mb(peaks.tree)}"
        )
        if args.memory_n:
            make_inputs(base / "many", args.memory_n)
            _, many = run(base / "many", base / "many-out", "-j", "2")
            print(
                f"memory, {args.memory_n} inputs, -j 2: parent {mb(many.parent)}, largest "
                f"worker {mb(many.worker)}, all processes {mb(many.tree)}"
            )


if __name__ == "__main__":
    main()
