"""`hearth 903 export`: a collection year's return from the record, as CSV files or one XML file.

Layout: OUT/<year>/<table>.csv (the layout the generator writes and `hearth 903 validate` reads,
which finds last year beside this one), or OUT/<year>/ssda903_<year>.xml. Rows come from
`tables.rows_for_year`, children in CHILD order, so the same record always gives the same bytes.

One addition to the pure projection: a young person whose recorded care history is evidently
incomplete (no episodes at all, or the earliest starts mid-period, RNE not S), as after importing
a single year's return, is kept in OC3 for a year with OC3 information recorded. The projection
cannot re-derive that cohort without the missing history, and the imported return is the evidence.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from django.db.models import QuerySet

from hearth.domain.ssda903.history import ChildHistory
from hearth.domain.ssda903.tables import COLUMNS, Row, rows_for_year, sex_code, tables_for_year, upn_for_year
from hearth.domain.ssda903.years import age_on, collection_end, fmt
from hearth.records.models import Child
from hearth.returns.ssda903.history import history_list

ChildRows = dict[str, list[Row]]


def _history_incomplete(h: ChildHistory) -> bool:
    return not h.episodes or h.episodes[0].rne != "S"


def child_rows(h: ChildHistory, year: int) -> ChildRows:
    """The child's rows for the year (empty when not in the return)."""
    rows = rows_for_year(h, year)
    record = h.birthday_record_for(year)
    if "oc3" in rows or record is None or not _history_incomplete(h):
        return rows
    if not 17 <= age_on(h.dob, collection_end(year)) <= 25:
        return rows
    if "header" not in rows:  # a care leaver with no care this year: Header without MOTHER, and OC3
        rows["header"] = [(h.child, sex_code(h.sex, year), fmt(h.dob), h.ethnic, upn_for_year(h.upn, h.dob, year),
                           "", "")]
    rows["oc3"] = [(h.child, fmt(h.dob), record.in_touch, record.activ, record.accom)]
    return rows


def year_rows(year: int, children: QuerySet[Child] | None = None) -> Iterator[ChildRows]:
    """Each child's rows for the year, in CHILD order; children not in the return are skipped."""
    for h in history_list(children):
        rows = child_rows(h, year)
        if rows:
            yield rows


def export_csv(year: int, out: Path, children: QuerySet[Child] | None = None) -> tuple[Path, Counter[str]]:
    """Write OUT/<year>/<table>.csv, one file per table of the year (a header line even when empty)."""
    folder = out / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    tables = tables_for_year(year)
    counts: Counter[str] = Counter({t: 0 for t in tables})
    handles = {t: open(folder / f"{t}.csv", "w", encoding="utf-8", newline="") for t in tables}  # noqa: SIM115
    try:
        writers = {t: csv.writer(f, lineterminator="\n") for t, f in handles.items()}
        for t, w in writers.items():
            w.writerow(COLUMNS[t])
        for rows in year_rows(year, children):
            for t, table_rows in rows.items():
                writers[t].writerows(table_rows)
                counts[t] += len(table_rows)
    finally:
        for f in handles.values():
            f.close()
    return folder, counts


# --- XML (ssda903.md §3) ---------------------------------------------------------------------
# The wrapper is EXPSSDA903, the root of the DfE's "Expanded SSDA903 Return" schema: checked on
# 22 Nov 2026 against a copy of that XSD (version 3.3.0, "Expanded SSDA903 Return 2021": EXPSSDA903 >
# CHILD > HEADER > CHILDID ...). That schema predates SWEpisodes (2023/24) and DoLo (2026/27), and
# no later DfE schema or guide naming their elements was found; the community validator's reader
# (data-to-insight/csc-validator-be-903, lac_validator/ingress.py) looks for SW_EPISODE inside
# HEADER but does not finish reading it. So Hearth still writes SWEPISODE and DOLO blocks inside
# CHILD after the episodes, with the CSV column names as items, and reads SW_EPISODE as well
# (importer.SW_ALIASES). Check against the year's DfE technical specification when it is to hand.
WRAPPER = "EXPSSDA903"
XML_NAMES = {"CHILD": "CHILDID", "PLACE": "PL"}
EPISODE_ITEMS = ("DECOM", "RNE", "LS", "CIN", "PLACE", "PL_POST", "HOME_POST", "URN", "PLACE_PROVIDER", "DEC", "REC",
                 "REASON_PLACE_CHANGE")
# Repeating blocks: table -> element name, and where they go (inside HEADER or after EPISODE).
HEADER_BLOCKS = {"reviews": "AREVIEW", "missing": "AMISSING", "prevperm": "PERMANENCE", "oc2": "OC2",
                 "placed_adoption": "AD_PLACED"}
CHILD_BLOCKS = {"sw_episodes": "SWEPISODE", "dolo": "DOLO"}
ROW_KEYS = ("CHILD", "DOB", "SEX")  # copied down from the header, not repeated inside blocks


def _items(parent: ET.Element, names: tuple[str, ...], values: dict[str, str]) -> None:
    for name in names:
        ET.SubElement(parent, XML_NAMES.get(name, name)).text = values.get(name, "") or None


def _as_dicts(table: str, rows: list[Row]) -> list[dict[str, str]]:
    return [dict(zip(COLUMNS[table], row, strict=True)) for row in rows]


def _block(parent: ET.Element, element: str, table: str, rows: list[Row]) -> None:
    items = tuple(c for c in COLUMNS[table] if c not in ROW_KEYS)
    for values in _as_dicts(table, rows):
        _items(ET.SubElement(parent, element), items, values)


def child_element(rows: ChildRows) -> ET.Element:
    """One child of the XML form: HEADER (with its nested blocks), then EPISODE blocks."""
    child = ET.Element("CHILD")
    header = ET.SubElement(child, "HEADER")
    h = _as_dicts("header", rows["header"])[0]
    _items(header, ("CHILD", "UPN", "SEX", "DOB", "ETHNIC"), h)
    uasc = _as_dicts("uasc", rows.get("uasc", []))
    _items(header, ("UASC", "DUC"), {"UASC": "1" if uasc else "0", "DUC": uasc[0]["DUC"] if uasc else ""})
    for oc3 in _as_dicts("oc3", rows.get("oc3", [])):
        _items(header, ("IN_TOUCH", "ACTIV", "ACCOM"), oc3)
    for ad1 in _as_dicts("ad1", rows.get("ad1", [])):
        _items(header, COLUMNS["ad1"][2:], ad1)
    _block(header, "AREVIEW", "reviews", rows.get("reviews", []))
    _block(header, "AMISSING", "missing", rows.get("missing", []))
    _items(header, ("MOTHER", "MC_DOB"), h)
    for table in ("prevperm", "oc2", "placed_adoption"):
        _block(header, HEADER_BLOCKS[table], table, rows.get(table, []))
    for values in _as_dicts("episodes", rows.get("episodes", [])):
        _items(ET.SubElement(child, "EPISODE"), EPISODE_ITEMS, values)
    for table, element in CHILD_BLOCKS.items():
        _block(child, element, table, rows.get(table, []))
    return child


def export_xml(year: int, out: Path) -> tuple[Path, int]:
    """Write OUT/<year>/ssda903_<year>.xml; returns the path and the number of children."""
    folder = out / str(year)
    folder.mkdir(parents=True, exist_ok=True)
    root = ET.Element(WRAPPER)
    n = 0
    for rows in year_rows(year):
        root.append(child_element(rows))
        n += 1
    ET.indent(root)
    path = folder / f"ssda903_{year}.xml"
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return path, n
