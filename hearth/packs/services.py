"""Writes for packs: create a draft, save commentary, issue a version. Each is audited."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from hearth.accounts.audit import AuditEntry, audit_record
from hearth.domain.packs.audience import rules_for
from hearth.domain.packs.period import ReportingPeriod
from hearth.domain.packs.questions import questions_get
from hearth.packs.build import PackContent, frozen_results, pack_content
from hearth.packs.models import Commentary, Pack, PackVersion
from hearth.packs.render import render_html, render_pdf
from hearth.records.models import Child, ChildName


def pack_create(*, user, title: str, period: ReportingPeriod, audience: str, questions: list[int] | None = None,
                work_programme_item: str = "") -> Pack:
    questions_get(questions or [])  # an unknown question number is refused before anything is written
    pack = Pack(title=title.strip(), period=period.label, period_start=period.start, period_end=period.end,
                audience=audience, questions=sorted(set(questions or [])),
                work_programme_item=work_programme_item.strip(), created_by=user if _real(user) else None,
                created_at=timezone.now())
    pack.full_clean()
    with transaction.atomic():
        pack.save()
        audit_record(user=user, action=AuditEntry.Action.CREATE, what=f"Pack {pack.pk} (draft)",
                     after={"title": pack.title, "period": pack.period, "audience": pack.audience,
                            "questions": pack.questions})
    return pack


def commentary_save(*, user, pack: Pack, kpi_id: str, text: str) -> Commentary | None:
    """Save (or, with empty text, remove) the commentary on one KPI of a draft pack. Text that
    names a child on the record, or gives their id or UPN, is refused: packs describe the service."""
    text = text.strip()
    if text and (found := _identifies_a_child(text)):
        raise ValidationError(f"Remove {found} from the commentary: a pack must not identify a child",
                              code="identifies_a_child")
    with transaction.atomic():
        existing = Commentary.objects.filter(pack=pack, kpi_id=kpi_id).first()
        before = {"text": existing.text} if existing else None
        if not text:
            if existing:
                existing.delete()
                audit_record(user=user, action=AuditEntry.Action.CHANGE, what=f"Pack {pack.pk} commentary {kpi_id}",
                             before=before, after=None)
            return None
        row = existing or Commentary(pack=pack, kpi_id=kpi_id)
        row.text, row.written_by, row.written_at = text, (user if _real(user) else None), timezone.now()
        row.full_clean()
        row.save()
        audit_record(user=user, action=AuditEntry.Action.CHANGE if existing else AuditEntry.Action.CREATE,
                     what=f"Pack {pack.pk} commentary {kpi_id}", before=before, after={"text": text})
    return row


def pack_build(pack: Pack, source: Any, *, council: str = "") -> PackContent:
    """The pack's content from the engine now, with the commentary written so far."""
    from hearth.domain.packs.period import parse_period

    return pack_content(
        source, period=parse_period(pack.period), rules=rules_for(pack.audience), title=pack.title,
        council=council, questions=questions_get(pack.questions),
        commentary=dict(Commentary.objects.filter(pack=pack).values_list("kpi_id", "text")),
        work_programme_item=pack.work_programme_item,
    )


def pack_issue(*, user, pack: Pack, source: Any, council: str = "") -> PackVersion:
    """Freeze the pack as it is now: the rendered HTML and PDF and every Result, as a new version."""
    if not _real(user) or user.role != "service_manager":
        raise ValidationError("Only a service manager can issue a pack.", code="not_allowed")
    content = pack_build(pack, source, council=council)
    issued_at = timezone.now()
    with transaction.atomic():
        # Lock the pack row so two issues at once cannot take the same number.
        Pack.objects.select_for_update().filter(pk=pack.pk).first()
        number = (pack.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        who = user.get_full_name() or user.username
        local = timezone.localtime(issued_at)
        status = f"Version {number}, issued {local.day} {local:%b %Y} by {who}"
        html = render_html(content, status_line=status)
        version = PackVersion(pack=pack, number=number, issued_at=issued_at, issued_by=user, html=html,
                              pdf=render_pdf(html), results=frozen_results(content),
                              data_extracted_at=content.data_extracted_at)
        version.save()
        audit_record(user=user, action=AuditEntry.Action.CREATE, what=f"Pack {pack.pk} issued as version {number}",
                     after={"title": pack.title, "period": pack.period, "audience": pack.audience,
                            "version": number, "kpis": len(content.panels)})
    return version


def _identifies_a_child(text: str) -> str:
    """What in the text identifies a child ('a child's name', 'a child's id'), or ''."""
    words = " ".join(text.lower().split())
    tokens = set(re.findall(r"[a-z0-9]+", words))
    for given, family in ChildName.objects.values_list("given_name", "family_name").iterator():
        if given and family and f"{given} {family}".lower() in words:
            return "a child's name"
    for child_id, upn in Child.objects.values_list("la_child_id", "upn").iterator():
        if child_id and child_id.lower() in tokens or upn and upn.lower() in tokens:
            return "a child's id"
    return ""


def _real(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))
