"""Validating the record itself: export the year (and the year before, which some rules compare
with) to a temporary folder and run the same rules as on a council's files."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Q, QuerySet
from django.utils import timezone

from hearth.domain.ssda903_rules.engine import Finding
from hearth.domain.ssda903_rules.schema import DFE_NAMES
from hearth.records.models import Allocation, Child
from hearth.returns.ssda903.export import export_csv
from hearth.returns.ssda903.files import FileValidation, validate_files


def validate_record(year: int, children: QuerySet[Child] | None = None) -> FileValidation:
    """The DfE's rules for `year` over the record (or over some children only)."""
    with tempfile.TemporaryDirectory() as tmp:
        export_csv(year - 1, Path(tmp), children)
        folder, _ = export_csv(year, Path(tmp), children)
        return validate_files([folder], year)


@dataclass(frozen=True)
class RecordFinding:
    finding: Finding
    child_pk: int | None
    team: str
    worker: str

    @property
    def table(self) -> str:
        return DFE_NAMES.get(self.finding.table, self.finding.table)


def record_findings(year: int, children: QuerySet[Child] | None = None) -> list[RecordFinding]:
    """Each finding with the child's record and who holds the child now, for filtering by team and worker."""
    report = validate_record(year, children).report
    if report is None:  # the record's own export always loads; anything else is a bug
        raise RuntimeError("The record's 903 export could not be read back.")
    ids = {f.child for f in report.findings if f.child}
    pks = dict(Child.objects.filter(la_child_id__in=ids).values_list("la_child_id", "pk"))
    today = timezone.localdate()
    holders: dict[int, tuple[str, str]] = {}
    current = Allocation.objects.filter(Q(end__isnull=True) | Q(end__gt=today), start__lte=today,
                                        child_id__in=pks.values()).select_related("worker__team").order_by("role")
    for allocation in current:
        holders.setdefault(allocation.child_id, (allocation.worker.team.name, allocation.worker.name))
    out = []
    for finding in report.findings:
        pk = pks.get(finding.child or "")
        team, worker = holders.get(pk, ("Not allocated", "Not allocated")) if pk else ("", "")
        out.append(RecordFinding(finding, pk, team, worker))
    return out
