"""Reading one 903 CSV file as far as its header: encoding, delimiter, and which table it is.

Real files arrive from spreadsheets and case-management exports: byte-order marks, UTF-16 or
Windows-1252 text, semicolons, trailing empty columns. Everything that can be repaired safely is
repaired and reported; everything else is a `Problem` naming the file (and row and column when
there is one), so that all of them can be shown together.
"""

from __future__ import annotations

import csv
import io
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hearth.domain.ssda903_rules import schema

SNIFF_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t", "|")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that stops a file being read or a value being stored. `row` counts data rows from 1."""

    file: str
    code: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Fix:
    """A repair made while reading: what was changed, where, and how often."""

    file: str
    kind: str
    count: int
    column: str | None = None

    def __str__(self) -> str:
        col = f" {self.column}" if self.column else ""
        return f"{self.file}{col}: {self.kind} ({self.count})"


@dataclass(slots=True)
class CsvFile:
    """A CSV whose header names a 903 table, ready for the columnar reader."""

    path: Path  # what the reader opens (a UTF-8 copy when the original was not UTF-8)
    name: str  # the original file name, for messages
    table: str
    header: list[str]  # every header cell in file order, normalised; '' for a trailing empty column
    delimiter: str
    fixes: list[Fix] = field(default_factory=list)
    may_need_trim: bool = True  # False when no cell can begin or end with whitespace
    odd_whitespace: bool = True  # a tab or no-break space somewhere (else a space is the only whitespace)


def _decode(data: bytes, name: str, fixes: list[Fix]) -> str | Problem:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        fixes.append(Fix(name, "UTF-16 text converted to UTF-8", 1))
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return Problem(name, "encoding", "the file says it is UTF-16 but is not readable as UTF-16")
    if b"\x00" in data[:SNIFF_BYTES]:
        return Problem(name, "binary", "this is not a text file (it contains binary data), so not a 903 CSV")
    if data.startswith(b"\xef\xbb\xbf"):
        fixes.append(Fix(name, "byte-order mark removed", 1))
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return Problem(name, "encoding", "the text is neither UTF-8 nor Windows-1252; save it as CSV UTF-8")
    fixes.append(Fix(name, "Windows-1252 text converted to UTF-8", 1))
    return text


def _header_cells(line: str) -> tuple[list[str], str]:
    delimiter = max(DELIMITERS, key=line.count)
    cells = next(csv.reader([line], delimiter=delimiter), [])
    return [c.strip().strip("\ufeff").upper() for c in cells], delimiter


def _wrong_columns(name: str, table: str | None, cells: list[str]) -> Problem:
    given = [c for c in cells if c]
    if table is None:
        shown = ", ".join(given[:8]) or "(none)"
        return Problem(
            name, "unknown_table",
            f"the header ({shown}) matches no 903 table; the first line must be the 903 column names",
        )
    expected = schema.columns(table)
    missing = [c for c in expected if c not in given]
    extra = [c for c in given if c not in expected]
    parts = []
    if missing:
        parts.append("missing " + ", ".join(missing))
    if extra:
        parts.append("unexpected " + ", ".join(extra))
    if len(given) != len(set(given)):
        parts.append("a column is repeated")
    return Problem(name, "wrong_columns", f"wrong columns for {schema.DFE_NAMES[table]}: " + "; ".join(parts))


def _may_have_stray_whitespace(text: str, delimiter: str) -> bool:
    """False when no cell can begin or end with whitespace (a quick look at the whole text, no parsing).

    A cell's edges touch a delimiter, a line end, the file's ends or a quote; when no space sits
    next to any of them and there is no tab or no-break space, nothing needs trimming.
    """
    if "\u00a0" in text or (delimiter != "\t" and "\t" in text):
        return True
    if text[:1] == " " or text.rstrip("\r\n")[-1:] == " ":
        return True
    return any(p in text for p in (f" {delimiter}", f"{delimiter} ", " \n", "\n ", " \r", '" ', ' "'))


def open_csv(path: Path, workdir: Path | None = None) -> CsvFile | Problem:
    """Check a file is a readable 903 CSV and find its table; never reads it twice over on a problem."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Problem(name, "unreadable", f"cannot be read: {exc.strerror or exc}")
    if not data.strip(b" \r\n\t\xef\xbb\xbf"):
        return Problem(name, "empty", "the file is empty")
    fixes: list[Fix] = []
    text = _decode(data, name, fixes)
    if isinstance(text, Problem):
        return text
    first_line = next((ln for ln in io.StringIO(text) if ln.strip()), "")
    cells, delimiter = _header_cells(first_line.rstrip("\r\n"))
    if delimiter != ",":
        fixes.append(Fix(name, f"{delimiter!r}-separated file read as CSV", 1))
    while cells and not cells[-1]:
        cells.pop()
    trailing = len(next(csv.reader([first_line], delimiter=delimiter), [])) - len(cells)
    table = schema.table_for_columns(cells) if "" not in cells and len(cells) == len(set(cells)) else None
    if table is None:
        return _wrong_columns(name, schema.table_for_filename(path.stem), cells)
    if trailing:
        fixes.append(Fix(name, "empty trailing columns ignored", trailing))
    read_path = path
    if fixes and any("converted" in f.kind for f in fixes) or not text.startswith(first_line):
        # The columnar reader wants UTF-8 with the header first: write a clean copy.
        tmp = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", suffix=".csv", delete=False, dir=workdir, newline=""
        )
        with tmp:
            tmp.write(text[text.index(first_line):])
        read_path = Path(tmp.name)
    odd = "\u00a0" in text or "\t" in text
    return CsvFile(read_path, name, table, cells + [""] * trailing, delimiter, fixes,
                   _may_have_stray_whitespace(text, delimiter), odd)
