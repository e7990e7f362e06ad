"""`hearth 903 import`: 903 returns (CSV sets or XML files, one or many years) into the record.

All or nothing: every set is read through the 903 loader first (so messy files are repaired the
same way `validate` repairs them, and every unreadable file is reported); then every row is
written inside one transaction, and any row the record refuses rolls back the whole import.
Years go in oldest first, so a later year's news (an episode closed, a UPN found) wins.

What names a set's year: its folder (DIR/2025/*.csv), a name with a year in it (ssda903_2025.xml),
or --year. A folder holding year folders (DIR/2024, DIR/2025) is every year in it.
"""

from __future__ import annotations

import csv
import re
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from django.db import transaction

from hearth.domain.ssda903.tables import COLUMNS
from hearth.domain.ssda903_rules.files import Fix, Problem
from hearth.domain.ssda903_rules.load import csv_paths, load_csv_set
from hearth.domain.ssda903_rules.schema import DFE_NAMES
from hearth.returns.ssda903.writer import RecordWriter, Row

_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


@dataclass
class ReturnSet:
    """One year's return: CSV files, or one XML file."""

    year: int
    source: str
    csvs: list[Path] = field(default_factory=list)
    xml: Path | None = None


@dataclass
class ImportResult:
    years: list[int] = field(default_factory=list)
    fixes: list[Fix] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)  # (table, created|updated|unchanged)

    @property
    def ok(self) -> bool:
        return not self.problems


def _year_of(path: Path, given: int | None) -> int | None:
    if given is not None:
        return given
    found = _YEAR.findall(path.stem if path.is_file() else path.name)
    return int(found[-1]) if found else None


def find_sets(
    paths: list[Path], year: int | None = None
) -> tuple[list[ReturnSet], list[Problem], list[Fix]]:
    """The returns the paths name, oldest year first."""
    sets: dict[tuple[int, str], ReturnSet] = {}
    problems: list[Problem] = []
    skipped: list[Fix] = []

    def add(where: Path, csvs: list[Path] | None = None, xml: Path | None = None) -> None:
        y = _year_of(where, year)
        if y is None:
            problems.append(Problem(str(where), "no_year", "cannot tell which collection year this is: name the "
                                                           "folder or file by its year (2025 = 2024/25) or give --year"))
            return
        key = (y, str(xml or where))
        s = sets.setdefault(key, ReturnSet(y, key[1], xml=xml))
        s.csvs += csvs or []

    def add_folder(folder: Path) -> None:
        csvs = csv_paths(folder)
        xmls = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".xml")
        if csvs:  # a CSV set (an exported XML may sit beside it: the CSVs are the return)
            add(folder, csvs)
            skipped.extend(Fix(str(x), "XML file beside a CSV set not read", 1) for x in xmls)
        else:
            for x in xmls:
                add(x, xml=x)

    for path in paths:
        if not path.exists():
            problems.append(Problem(str(path), "missing", "no such file or folder"))
        elif path.is_dir():
            csvs = csv_paths(path)
            xmls = sorted(p for p in path.iterdir() if p.suffix.lower() == ".xml")
            years = sorted(p for p in path.iterdir() if p.is_dir() and re.fullmatch(r"20\d\d", p.name))
            for folder in [path] if csvs or xmls else years:
                add_folder(folder)
            if not (csvs or xmls or years):
                problems.append(Problem(str(path), "empty", "holds no .csv or .xml files and no year folders"))
        elif path.suffix.lower() == ".xml":
            add(path, xml=path)
        else:
            add(path.parent, [path])
    by_year = Counter(s.year for s in sets.values())
    for y, n in by_year.items():
        if n > 1:
            problems.append(Problem(", ".join(s.source for s in sets.values() if s.year == y), "two_sets",
                                    f"{n} returns for the year {y}: give one CSV set or one XML file per year"))
    return sorted(sets.values(), key=lambda s: s.year), problems, skipped


# --- XML (ssda903.md §3): read into the CSV tables, so it goes through the same loader ----------
XML_NAMES = {"CHILDID": "CHILD", "PL": "PLACE"}
# SWEpisodes and DoLo: no published DfE schema for them was found (see export.py). Besides the
# SWEPISODE and DOLO blocks Hearth writes, SW_EPISODE is read too, inside HEADER or CHILD: the name
# the community validator's XML reader looks for (data-to-insight/csc-validator-be-903).
SW_ALIASES = {"SW_EPISODE": "sw_episodes", "SWEPISODE": "sw_episodes", "DOLO": "dolo"}
HEADER_BLOCKS = {"AREVIEW": "reviews", "AMISSING": "missing", "PERMANENCE": "prevperm", "OC2": "oc2",
                 "AD_PLACED": "placed_adoption", **SW_ALIASES}
CHILD_BLOCKS = {"EPISODE": "episodes", **SW_ALIASES}


def _leaves(element: ET.Element) -> dict[str, str]:
    return {XML_NAMES.get(e.tag, e.tag): (e.text or "").strip() for e in element if len(e) == 0}


def xml_tables(path: Path) -> tuple[dict[str, list[dict[str, str]]], list[Fix]] | Problem:
    """The rows of each 903 table in an XML return, with CHILD, DOB and SEX copied down from HEADER."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        return Problem(str(path), "bad_xml", f"not well-formed XML ({error}); is the file complete?")
    except OSError as error:
        return Problem(str(path), "unreadable", f"cannot be read: {error.strerror or error}")
    children = root.findall("CHILD")
    if not children:
        return Problem(str(path), "not_903", f"no CHILD elements under <{root.tag}>: not a 903 XML return")
    tables: dict[str, list[dict[str, str]]] = {t: [] for t in COLUMNS}
    ignored: Counter[str] = Counter()
    for child in children:
        header = child.find("HEADER")
        h = _leaves(header) if header is not None else {}
        keys = {k: h.get(k, "") for k in ("CHILD", "DOB", "SEX")}
        tables["header"].append(h)
        if h.get("UASC") == "1":
            tables["uasc"].append({**keys, "DUC": h.get("DUC", "")})
        if "IN_TOUCH" in h:
            tables["oc3"].append({**keys, **h})
        if "DATE_INT" in h:
            tables["ad1"].append({**keys, **h})
        for parent, blocks in ((header, HEADER_BLOCKS), (child, CHILD_BLOCKS)):
            for e in parent if parent is not None else []:
                if e.tag in blocks:
                    tables[blocks[e.tag]].append({**keys, **_leaves(e)})
                elif len(e) and e.tag != "HEADER":
                    ignored[e.tag] += 1
    fixes = [Fix(str(path), f"<{tag}> elements ignored (not a 903 item)", n) for tag, n in ignored.items()]
    return tables, fixes


def write_xml_csvs(tables: dict[str, list[dict[str, str]]], folder: Path) -> list[Path]:
    paths = []
    for table, rows in tables.items():
        if not rows:
            continue
        path = folder / f"{table}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(COLUMNS[table])
            w.writerows([row.get(c, "") for c in COLUMNS[table]] for row in rows)
        paths.append(path)
    return paths


# --- the import ---------------------------------------------------------------------------------
def _rows(con: duckdb.DuckDBPyConnection, table: str) -> list[Row]:
    cursor = con.execute(f'SELECT * FROM "{table}" ORDER BY _row')
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def load_set(s: ReturnSet, tmp: Path, result: ImportResult) -> tuple[dict[str, list[Row]], dict[str, str]] | None:
    """Read one return through the loader; None (problems noted) if it cannot be read."""
    paths, names = s.csvs, {}
    if s.xml is not None:
        got = xml_tables(s.xml)
        if isinstance(got, Problem):
            result.problems.append(got)
            return None
        tables, fixes = got
        result.fixes += fixes
        folder = Path(tempfile.mkdtemp(dir=tmp))
        paths = write_xml_csvs(tables, folder)
        # Messages name the XML file and the table; a row is the n-th such block in the file.
        names = {str(p): f"{s.xml} ({DFE_NAMES[p.stem]})" for p in paths}
    con = duckdb.connect()
    try:
        loaded = load_csv_set(con, paths, workdir=tmp)
        rename = (lambda x: x) if not names else (lambda x: renamed(x, names))
        result.fixes += [rename(f) for f in loaded.fixes]
        result.problems += [rename(p) for p in loaded.problems]
        if not loaded.ok:
            return None
        files = {t: names.get(n, n) for t, n in loaded.files.items()}
        return {t: _rows(con, t) for t in loaded.files}, files
    finally:
        con.close()


def renamed(item: Any, names: dict[str, str]) -> Any:
    return type(item)(**{**{k: getattr(item, k) for k in item.__slots__}, "file": names.get(item.file, item.file)})


def import_returns(paths: list[Path], year: int | None = None) -> ImportResult:
    """Import the returns the paths name; on any problem nothing is written."""
    result = ImportResult()
    sets, result.problems, result.fixes = find_sets(paths, year)
    loaded: list[tuple[int, dict[str, list[Row]], dict[str, str]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for s in sets:
            got = load_set(s, Path(tmp), result)
            if got is not None:
                loaded.append((s.year, *got))
    result.years = [s.year for s in sets]
    if result.problems:
        return result
    with transaction.atomic():
        writer = RecordWriter()
        for y, tables, files in loaded:
            writer.write_year(y, tables, files)
        result.problems, result.counts = writer.problems, writer.counts
        if writer.problems:
            transaction.set_rollback(True)
    return result
