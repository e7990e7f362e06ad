"""Write 903 CSV sets, one folder per collection year: DIR/<year>/<table>.csv with the 903's columns.

The ten complete collection years before as_at are written; the current, unfinished year is not.
A national set is written council by council (each council's rows made in a worker process and
appended in council order), so memory stays at about one council per process.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TextIO

from hearth.domain.ssda903.history import ChildHistory
from hearth.domain.ssda903.tables import COLUMNS, rows_for_year, tables_for_year
from hearth.domain.ssda903.years import birthday, collection_year_of
from hearth.synth.model import SynthCouncil
from hearth.synth.simulate import council_sizes, simulate_council

Chunk = dict[tuple[int, str], str]


def council_csv_text(council: SynthCouncil) -> tuple[Chunk, Counter[tuple[int, str]]]:
    """Every 903 row of the council, as CSV text (no header) per (year, table), with row counts."""
    buffers: dict[tuple[int, str], io.StringIO] = {}
    writers: dict[tuple[int, str], csv.writer] = {}  # type: ignore[valid-type]
    counts: Counter[tuple[int, str]] = Counter()
    years = range(council.first_year, council.last_year + 1)
    for child in council.children:
        for year in _years_with_rows(child.history, years):
            for table, rows in rows_for_year(child.history, year).items():
                key = (year, table)
                writer = writers.get(key)
                if writer is None:
                    buffers[key] = io.StringIO()
                    writer = writers[key] = csv.writer(buffers[key], lineterminator="\n")
                writer.writerows(rows)
                counts[key] += len(rows)
    return {key: buffer.getvalue() for key, buffer in buffers.items()}, counts


def _years_with_rows(history: ChildHistory, years: range) -> range:
    """The years a child can have rows in: while in care, and from 17 to 25 (a shortcut, not a rule)."""
    if not history.episodes:
        return range(0)
    first = collection_year_of(history.episodes[0].decom)
    last_dec = history.episodes[-1].dec
    last = max(years.stop - 1 if last_dec is None else collection_year_of(last_dec),
               collection_year_of(birthday(history.dob, 26)))
    return range(max(first, years.start), min(last, years.stop - 1) + 1)


@contextmanager
def csv_set(out_dir: Path, years: range) -> Iterator[dict[tuple[int, str], TextIO]]:
    """Open (and head) every year's files; closed on exit. Tables with no rows still get their header."""
    files: dict[tuple[int, str], TextIO] = {}
    try:
        for year in years:
            folder = out_dir / str(year)
            folder.mkdir(parents=True, exist_ok=True)
            for table in tables_for_year(year):
                handle = open(folder / f"{table}.csv", "w", encoding="utf-8", newline="")  # noqa: SIM115
                handle.write(",".join(COLUMNS[table]) + "\n")
                files[(year, table)] = handle
        yield files
    finally:
        for handle in files.values():
            handle.close()


def _append(files: dict[tuple[int, str], TextIO], chunk: Chunk) -> None:
    for key, text in chunk.items():
        files[key].write(text)


def write_councils_csv(councils: Iterable[SynthCouncil], out_dir: Path, years: range) -> Counter[tuple[int, str]]:
    counts: Counter[tuple[int, str]] = Counter()
    with csv_set(out_dir, years) as files:
        for council in councils:
            chunk, n = council_csv_text(council)
            _append(files, chunk)
            counts.update(n)
    return counts


def _national_job(args: tuple[int, int, date, int]) -> tuple[Chunk, Counter[tuple[int, str]], int]:
    seed, size, as_at, index = args
    council = simulate_council(seed=seed, children_in_care=size, as_at=as_at, council_index=index, detail=False)
    chunk, counts = council_csv_text(council)
    return chunk, counts, len(council.children)


def write_national_csv(
    *, seed: int, children_in_care: int, councils: int, as_at: date, out_dir: Path, years: range,
    processes: int = 1,
) -> tuple[Counter[tuple[int, str]], int]:
    """The national set: councils of varying size adding up to `children_in_care`, CHILD ids unique
    because each starts with its council's LA code. Returns row counts and the number of children."""
    import random

    sizes = council_sizes(children_in_care, councils, random.Random(f"hearth-synth/{seed}/sizes"))
    jobs = [(seed, size, as_at, index) for index, size in enumerate(sizes)]
    counts: Counter[tuple[int, str]] = Counter()
    children = 0
    with csv_set(out_dir, years) as files:
        if processes > 1:
            with multiprocessing.get_context("spawn").Pool(processes, maxtasksperchild=20) as pool:
                for chunk, n, kids in pool.imap(_national_job, jobs):
                    _append(files, chunk)
                    counts.update(n)
                    children += kids
        else:
            for job in jobs:
                chunk, n, kids = _national_job(job)
                _append(files, chunk)
                counts.update(n)
                children += kids
    return counts, children
