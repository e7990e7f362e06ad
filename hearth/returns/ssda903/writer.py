"""Writing one year's typed 903 rows into the record: an upsert on each table's natural key.

Every row is judged on its own (field checks first, then the database's constraints inside a
savepoint), so one run reports every bad row; the caller rolls the whole import back if any.
A blank end date (DEC, MIS_END, SW_DEC ...) means "not ended by 31 March of that year", so it
never reopens something the record shows ending after that year: importing years in any order
keeps the later news.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, models, transaction

from hearth.domain import codes
from hearth.domain.ssda903.tables import SEX_LETTERS_FROM
from hearth.domain.ssda903.years import collection_end, collection_start
from hearth.domain.ssda903_rules.files import Problem
from hearth.domain.ssda903_rules.schema import DATE_COLUMNS
from hearth.records import models as m
from hearth.records.errors import explain

SOCIAL_WORKER = "SOCIAL_WORKER"
IMPORTED_TEAM = "Imported social workers"
IMPORTED_EXPERIENCE = "Y1_3"  # unknown for an imported worker; the band most new allocations fall in
Row = dict[str, Any]
Extra = Callable[["m.Child", Row], dict[str, Any]]  # more values for a row, from beyond the row
NOT_VALIDATED = ("child", "worker", "team", "provider")  # foreign keys: set by the writer, not read

# Per table: the model, and each 903 column with its field and kind of value.
SPECS: dict[str, tuple[type[models.Model], tuple[tuple[str, str, str], ...]]] = {
    "episodes": (m.Episode, (
        ("DECOM", "decom", "date"), ("RNE", "rne", "text"), ("LS", "ls", "text"), ("CIN", "cin", "text"),
        ("PLACE", "place", "text"), ("PLACE_PROVIDER", "place_provider", "text"), ("DEC", "dec", "date"),
        ("REC", "rec", "text"), ("REASON_PLACE_CHANGE", "reason_place_change", "text"),
        ("HOME_POST", "home_post", "text"), ("PL_POST", "pl_post", "text"), ("URN", "urn", "text"))),
    "reviews": (m.Review, (("REVIEW", "review", "date"), ("REVIEW_CODE", "review_code", "text"))),
    "missing": (m.MissingEpisode, (
        ("MISSING", "missing", "text"), ("MIS_START", "mis_start", "date"), ("MIS_END", "mis_end", "date"))),
    "oc2": (m.AnnualOutcome, (
        ("SDQ_SCORE", "sdq_score", "int"), ("SDQ_REASON", "sdq_reason", "text"), ("CONVICTED", "convicted", "bool"),
        ("HEALTH_CHECK", "health_check", "bool"), ("IMMUNISATIONS", "immunisations", "bool"),
        ("TEETH_CHECK", "teeth_check", "bool"), ("HEALTH_ASSESSMENT", "health_assessment", "bool"),
        ("SUBSTANCE_MISUSE", "substance_misuse", "bool"),
        ("INTERVENTION_RECEIVED", "intervention_received", "bool"),
        ("INTERVENTION_OFFERED", "intervention_offered", "bool"))),
    "oc3": (m.CareLeaverBirthday, (
        ("IN_TOUCH", "in_touch", "text"), ("ACTIV", "activ", "text"), ("ACCOM", "accom", "text"))),
    "ad1": (m.Adoption, (
        ("DATE_INT", "date_int", "date"), ("DATE_MATCH", "date_match", "date"),
        ("FOSTER_CARE", "foster_care", "bool"), ("NB_ADOPTR", "nb_adoptr", "int"),
        ("SEX_ADOPTR", "sex_adoptr", "text"), ("LS_ADOPTR", "ls_adoptr", "text"))),
    "placed_adoption": (m.PlacedForAdoption, (
        ("DATE_PLACED", "date_placed", "date"), ("DATE_PLACED_CEASED", "date_placed_ceased", "date"),
        ("REASON_PLACED_CEASED", "reason_placed_ceased", "text"))),
    "prevperm": (m.PreviousPermanence, (
        ("PREV_PERM", "prev_perm", "text"), ("LA_PERM", "la_perm", "text"), ("DATE_PERM", "date_perm", "date_perm"))),
    "sw_episodes": (m.Allocation, (
        ("SW_DECOM", "start", "date"), ("SW_DEC", "end", "date"), ("SW_REASON", "sw_reason", "text"))),
    "dolo": (m.DeprivationOfLiberty, (("DOLO_START", "dolo_start", "date"), ("DOLO_END", "dolo_end", "date"))),
}
# Natural key within a child (besides the child itself); the year for OC2/OC3, nothing for AD1.
KEYS: dict[str, tuple[str, ...]] = {
    "episodes": ("decom",), "reviews": ("review",), "missing": ("mis_start",), "oc2": ("year",), "oc3": ("year",),
    "ad1": (), "placed_adoption": ("date_placed",), "prevperm": ("period_start",), "sw_episodes": ("start",),
    "dolo": ("dolo_start",),
}
# End date -> the fields that go with it, kept when the file's end is blank but the record's is later.
ENDS: dict[str, tuple[str, ...]] = {
    "episodes": ("dec", "rec", "reason_place_change"), "missing": ("mis_end",),
    "placed_adoption": ("date_placed_ceased", "reason_placed_ceased"), "sw_episodes": ("end",),
    "dolo": ("dolo_end",),
}
HEADER_COLUMNS = {"la_child_id": "CHILD", "sex": "SEX", "dob": "DOB", "ethnic": "ETHNIC", "upn": "UPN",
                  "mother": "MOTHER", "mc_dob": "MC_DOB", "is_uasc": "CHILD", "duc": "DUC"}
ORDER = ("episodes", "reviews", "missing", "oc2", "oc3", "ad1", "placed_adoption", "prevperm", "sw_episodes", "dolo")


class BadValue(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


def value(row: Row, column: str, kind: str) -> Any:
    """A cell as the model wants it; BadValue when it cannot be (a date that did not parse ...)."""
    if column in DATE_COLUMNS:
        if row[column] is None and row.get(f"{column}__txt") is not None:
            raise BadValue(column, f"'{row[column + '__txt']}' is not a date: write dd/mm/yyyy")
        return row[column]
    text = row[column]
    if kind == "int":
        if text is None:
            return None
        if not text.isdigit():
            raise BadValue(column, f"'{text}' is not a whole number")
        return int(text)
    if kind == "bool":
        if text is None:
            return None
        if text not in ("0", "1"):
            raise BadValue(column, f"'{text}' must be 1 (yes) or 0 (no)")
        return text == "1"
    if kind == "date_perm":  # the loader upper-cases codes; unknown parts are written zz (zz/05/2020)
        return (text or "").lower()
    return text or ""


def _column_for(model: type[models.Model], columns: dict[str, str], error: Exception) -> str | None:
    """The 903 column a refused constraint is about: the first of the model's fields its name mentions."""
    text = str(error)
    for constraint in model._meta.constraints:
        if constraint.name in text:
            rest = constraint.name.removeprefix(f"records_{model._meta.model_name}_")
            found = [(rest.find(f), f) for f in columns if rest.startswith(f + "_") or f"_{f}_" in f"_{rest}_"]
            return columns[min(found)[1]] if found else None
    return None


class RecordWriter:
    """Upserts into the record inside the caller's transaction, collecting every problem."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.counts: Counter[tuple[str, str]] = Counter()  # (table, created|updated|unchanged)
        self.children: dict[str, m.Child] = {c.la_child_id: c for c in m.Child.objects.all()}
        self.failed_children: set[str] = set()
        self._index: dict[str, dict[tuple, models.Model]] = {}
        self._workers: dict[str, m.Worker] | None = None
        self._team: m.Team | None = None

    # --- helpers -----------------------------------------------------------------------------
    def _problem(self, file: str, row: int, column: str | None, message: str) -> None:
        self.problems.append(Problem(file, "refused", message, row=row, column=column))

    def _indexed(self, table: str) -> dict[tuple, models.Model]:
        if table not in self._index:
            model, _ = SPECS[table]
            rows = model.objects.all()
            if table == "sw_episodes":
                rows = rows.filter(role=SOCIAL_WORKER)
            self._index[table] = {(o.child_id, *(getattr(o, k) for k in KEYS[table])): o for o in rows}
        return self._index[table]

    def _save(self, obj: models.Model, values: dict[str, Any], columns: dict[str, str], file: str, row: int,
              table: str) -> bool:
        """Set the values and save if anything changed; False (and problems noted) if refused."""
        created = obj.pk is None
        changed = {f: v for f, v in values.items() if created or getattr(obj, f) != v}
        if not changed:
            self.counts[(table, "unchanged")] += 1
            return True
        for f, v in changed.items():
            setattr(obj, f, v)
        try:
            obj.clean_fields(exclude=[f.name for f in obj._meta.fields if f.name not in changed or f.name in
                                      NOT_VALIDATED])
        except ValidationError as error:
            for f, errors in error.error_dict.items():
                blank = any(e.code in ("blank", "null") for e in errors)
                message = "is blank, but it is required" if blank else " ".join(ValidationError(errors).messages)
                self._problem(file, row, columns.get(f, f.upper()), message)
            return False
        try:
            with transaction.atomic():
                obj.save()
        except (IntegrityError, DataError) as error:
            self._problem(file, row, _column_for(type(obj), columns, error), explain(error)
                          if isinstance(error, IntegrityError) else str(error).splitlines()[0])
            return False
        self.counts[(table, "created" if created else "updated")] += 1
        return True

    # --- Header and UASC ---------------------------------------------------------------------
    def header(self, year: int, rows: list[Row], file: str) -> None:
        end = collection_end(year)
        seen: dict[str, int] = {}
        for row in rows:
            child_id, n = row["CHILD"] or "", row["_row"]
            if child_id in seen:
                self._problem(file, n, "CHILD", f"child {child_id} has a second Header row (the first is row "
                                                f"{seen[child_id]})")
                continue
            seen[child_id] = n
            try:
                sex = value(row, "SEX", "text")
                if year < SEX_LETTERS_FROM:
                    sex = codes.SEX_BEFORE_2025.get(sex, sex)
                values = {"la_child_id": child_id, "sex": sex, "dob": value(row, "DOB", "date"),
                          "ethnic": value(row, "ETHNIC", "text"), "upn": value(row, "UPN", "text")}
                mother, mc_dob = value(row, "MOTHER", "bool"), value(row, "MC_DOB", "date")
            except BadValue as bad:
                self._problem(file, n, bad.column, str(bad))
                self.failed_children.add(child_id)
                continue
            child = self.children.get(child_id) or m.Child()
            if values["upn"] in codes.UPN_UNKNOWN and child.upn and child.upn not in codes.UPN_UNKNOWN:
                del values["upn"]  # an unknown-UPN code never replaces a known UPN (rule 208: only the reverse)
            # MOTHER blank (a boy, short breaks only, a care leaver) says nothing; 0 does not undo a
            # first child the record shows born after this year.
            if mother is not None and not (mother is False and child.mc_dob and child.mc_dob > end):
                values.update(mother=mother, mc_dob=mc_dob if mother else None)
            if self._save(child, values, HEADER_COLUMNS, file, n, "header"):
                self.children[child_id] = child
            else:
                self.failed_children.add(child_id)

    def _child(self, row: Row, file: str) -> m.Child | None:
        child_id = row["CHILD"] or ""
        child = self.children.get(child_id)
        if child is None and child_id not in self.failed_children:
            self._problem(file, row["_row"], "CHILD", f"child {child_id or '(blank)'} has no Header row")
        return None if child_id in self.failed_children else child

    def uasc(self, year: int, rows: list[Row], file: str) -> None:
        for row in rows:
            child = self._child(row, file)
            if child is None:
                continue
            try:
                duc = value(row, "DUC", "date")
            except BadValue as bad:
                self._problem(file, row["_row"], bad.column, str(bad))
                continue
            self._save(child, {"is_uasc": True, "duc": duc}, HEADER_COLUMNS, file, row["_row"], "uasc")

    # --- the child-level tables ----------------------------------------------------------------
    def table(self, year: int, table: str, rows: list[Row], file: str, extra: Extra | None = None) -> None:
        seen: dict[tuple, int] = {}
        refused: set[int] = set()
        for row in rows:
            child = self._child(row, file)
            if child is None or (table == "episodes" and child.pk in refused):
                # Episodes chain: after a refused one, the child's later ones would only repeat it as overlaps.
                continue
            if not self._row(year, table, row, child, file, seen, extra):
                refused.add(child.pk)

    def _row(self, year: int, table: str, row: Row, child: m.Child, file: str, seen: dict[tuple, int],
             extra: Extra | None) -> bool:
        model, spec = SPECS[table]
        end = collection_end(year)
        try:
            values = {field: value(row, column, kind) for column, field, kind in spec}
            if extra is not None:
                values.update(extra(child, row))
        except BadValue as bad:
            self._problem(file, row["_row"], bad.column, str(bad))
            return False
        if table in ("oc2", "oc3"):
            values["year"] = year
        key = (child.pk, *(values[k] for k in KEYS[table]))
        if key in seen:
            self._problem(file, row["_row"], None, f"repeats row {seen[key]} for child {row['CHILD']}")
            return False
        seen[key] = row["_row"]
        index = self._indexed(table)
        obj = index.get(key)
        if obj is None:
            obj = model(child=child)
            if table == "sw_episodes":
                obj.role = SOCIAL_WORKER  # type: ignore[attr-defined]
            if table == "oc3":  # no date in the return: say it was known by the year's end
                obj.date_recorded = end  # type: ignore[attr-defined]
        elif table in ENDS:
            first = ENDS[table][0]
            held: date | None = getattr(obj, first)
            if values[first] is None and held is not None and held > end:
                for f in ENDS[table]:
                    values.pop(f)
        columns = {field: column for column, field, _ in spec}
        if not self._save(obj, values, columns, file, row["_row"], table):
            return False
        index[key] = obj
        return True

    def write_year(self, year: int, tables: dict[str, list[Row]], files: dict[str, str]) -> None:
        """Header first (every other row needs its child), then UASC and the rest."""
        self.header(year, tables.get("header", []), files.get("header", "header.csv"))
        self.uasc(year, tables.get("uasc", []), files.get("uasc", "uasc.csv"))
        starts = self._period_starts(year, tables.get("episodes", []))
        for table in ORDER:
            rows = tables.get(table, [])
            if not rows:
                continue
            if table == "episodes":  # in date order, so an open episode is closed before the next opens
                rows = sorted(rows, key=lambda r: (r["CHILD"] or "", r["DECOM"] or date.max))
            extra = None
            if table == "prevperm":
                extra = self._prevperm_extra(year, starts)
            elif table == "sw_episodes":
                extra = self._worker_extra
            self.table(year, table, rows, files.get(table, f"{table}.csv"), extra)

    # --- PrevPerm and SWEpisodes need more than the row ----------------------------------------
    @staticmethod
    def _period_starts(year: int, episodes: list[Row]) -> dict[str, list[date]]:
        """Per child: the RNE S starts in the year, then (as a fallback) the first episode's start."""
        start = collection_start(year)
        out: dict[str, list[date]] = {}
        for row in sorted(episodes, key=lambda r: r["DECOM"] or date.max):
            if row["DECOM"] is not None and row["RNE"] == "S" and row["DECOM"] >= start:
                out.setdefault(row["CHILD"] or "", []).append(row["DECOM"])
        for row in sorted(episodes, key=lambda r: r["DECOM"] or date.max):
            if row["DECOM"] is not None:
                out.setdefault(row["CHILD"] or "", [row["DECOM"]])
        return out

    def _prevperm_extra(self, year: int, starts: dict[str, list[date]]) -> Extra:
        used: Counter[str] = Counter()

        def extra(child: m.Child, row: Row) -> dict[str, Any]:
            # The k-th PrevPerm row of a child belongs to its k-th start of care in the year.
            mine = starts.get(child.la_child_id) or [collection_start(year)]
            k = min(used[child.la_child_id], len(mine) - 1)
            used[child.la_child_id] += 1
            return {"period_start": mine[k]}

        return extra

    def _worker_extra(self, child: m.Child, row: Row) -> dict[str, Any]:
        sw_id = row["SW_ID"]
        if not sw_id:
            raise BadValue("SW_ID", "is blank, but it is required")
        if len(sw_id) > m.Worker._meta.get_field("sw_id").max_length:  # type: ignore[operator]
            raise BadValue("SW_ID", f"'{sw_id}' is longer than a social worker ID can be")
        return {"worker": self._worker(sw_id)}

    def _worker(self, sw_id: str) -> m.Worker:
        if self._workers is None:
            self._workers = {}
            for w in m.Worker.objects.exclude(sw_id="").order_by("-pk"):
                self._workers[w.sw_id] = w  # the oldest worker with the id wins
        if sw_id not in self._workers:
            if self._team is None:
                self._team, _ = m.Team.objects.get_or_create(name=IMPORTED_TEAM,
                                                             defaults={"kind": "CHILDREN_IN_CARE"})
            self._workers[sw_id] = m.Worker.objects.create(
                name=f"Social worker {sw_id}", role=SOCIAL_WORKER, experience_band=IMPORTED_EXPERIENCE,
                team=self._team, sw_id=sw_id)
        return self._workers[sw_id]
