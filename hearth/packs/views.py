"""Pages for performance packs: the list, a new pack, the draft with its commentary, issuing, and
issued versions served exactly as they were issued."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hearth.domain.packs.audience import rules_for
from hearth.domain.packs.period import parse_period
from hearth.domain.packs.questions import PACKS, TAGS, coverage, library, questions_get
from hearth.packs.build import THEME_NAMES, definition_text, pack_content, pack_kpi_ids
from hearth.packs.forms import CommentaryForm, PackForm
from hearth.packs.render import render_html, render_pdf
from hearth.packs.selectors import (
    READERS,
    can_issue,
    commentary_for,
    is_officer,
    pack_get_for,
    pack_list_for,
    version_get,
    versions_of,
)
from hearth.packs.services import commentary_save, pack_build, pack_create, pack_issue
from hearth.packs.sources import catalogue, record_source
from hearth.records.selectors import council_get


def _reader(request) -> None:
    if request.user.role not in READERS:
        raise PermissionDenied


def _officer(request) -> None:
    if not is_officer(request.user):
        raise PermissionDenied


def _pack(request, pk: int):
    pack = pack_get_for(request.user, pk)
    if pack is None:
        raise Http404
    return pack


def _council_name() -> str:
    council = council_get()
    return council.name if council else ""


@login_required
def pack_list_view(request):
    _reader(request)
    packs = pack_list_for(request.user)
    rows = []
    for pack in packs:
        href = reverse("packs:pack_draft", args=[pack.pk]) if is_officer(request.user) else \
            reverse("packs:pack_version", args=[pack.pk, pack.latest])
        rows.append([{"text": pack.title, "href": href}, parse_period(pack.period).describe(),
                     pack.get_audience_display().split(" (")[0],
                     f"Issued, version {pack.latest}" if pack.issued else "Draft"])
    return render(request, "packs/list.html", {
        "council": council_get(), "rows": rows, "headers": ["Pack", "Period", "For", "Status"],
        "officer": is_officer(request.user),
    })


@login_required
def pack_create_view(request):
    _officer(request)
    form = PackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        pack = pack_create(user=request.user, title=data["title"], period=data["period"], audience=data["audience"],
                           questions=data["questions"], work_programme_item=data["work_programme_item"])
        messages.success(request, f"Draft pack created: {pack.title}")
        return redirect("packs:pack_draft", pk=pack.pk)
    return render(request, "packs/create.html", {"council": council_get(), "form": form,
                                                 "back": reverse("packs:pack_list")})


@login_required
def pack_draft_view(request, pk: int):
    _officer(request)
    pack = _pack(request, pk)
    cat = catalogue()
    questions = questions_get(pack.questions)
    written = commentary_for(pack)
    themes: dict[str, list] = {}
    for kpi_id in pack_kpi_ids(cat, questions):
        kpi = cat[kpi_id]
        if not kpi.computable:
            continue
        themes.setdefault(THEME_NAMES.get(kpi.theme, kpi.theme), []).append([
            {"text": f"{kpi.id} {kpi.title}", "href": reverse("packs:pack_commentary", args=[pack.pk, kpi.id])},
            "Written" if kpi_id in written else "Not written",
        ])
    gaps = [c for c in (coverage(q, cat) for q in questions) if c.is_gap]
    return render(request, "packs/draft.html", {
        "council": council_get(), "pack": pack, "period": parse_period(pack.period), "themes": themes,
        "questions": questions, "gaps": gaps, "can_issue": can_issue(request.user),
        "versions": [[{"text": f"Version {v.number}", "href": reverse("packs:pack_version", args=[pack.pk, v.number])},
                      f"{timezone.localtime(v.issued_at):%-d %b %Y %H:%M}",
                      (v.issued_by.get_full_name() or v.issued_by.username) if v.issued_by else "",
                      {"text": "PDF", "href": reverse("packs:pack_version_pdf", args=[pack.pk, v.number])}]
                     for v in versions_of(pack)],
        "summary": [
            ("For", pack.get_audience_display()),
            ("Work programme item", pack.work_programme_item or "None"),
            ("Questions", ", ".join(str(q.number) for q in questions) or "None: a full pack covering every theme"),
        ],
        "progress": f"Commentary written for {sum(1 for rows in themes.values() for r in rows if r[1] == 'Written')} "
                    f"of {sum(len(rows) for rows in themes.values())} measures.",
        "gap_links": [{"text": f"Question {c.question.number}: {c.question.text}",
                       "href": reverse("packs:question_library")} for c in gaps],
        "commentary_headers": ["Measure", "Commentary"],
        "version_headers": ["Version", "Issued", "By", "Download"],
        "back": reverse("packs:pack_list"),
    })


@login_required
def pack_commentary_view(request, pk: int, kpi_id: str):
    _officer(request)
    pack = _pack(request, pk)
    cat = catalogue()
    if kpi_id not in pack_kpi_ids(cat, questions_get(pack.questions)) or not cat[kpi_id].computable:
        raise Http404
    kpi = cat[kpi_id]
    initial = {"text": commentary_for(pack).get(kpi_id, "")}
    form = CommentaryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            commentary_save(user=request.user, pack=pack, kpi_id=kpi_id, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error("text", error)
        else:
            messages.success(request, f"Commentary saved for {kpi.title}")
            return redirect("packs:pack_draft", pk=pack.pk)
    content = pack_content(record_source(), period=parse_period(pack.period), rules=rules_for(pack.audience),
                           title=pack.title, kpi_ids=[kpi_id])
    panel = content.panels[0]
    facts = [
        ("Figure at " + f"{content.as_at.day} {content.as_at:%b %Y}", panel.value_text),
        ("Counted", " out of ".join(x for x in (panel.numerator_text, panel.denominator_text) if x) or "—"),
        ("Band", panel.band or "No band scheme"),
        (f"Since {content.previous_as_at.day} {content.previous_as_at:%b %Y}", panel.since_previous.words),
        (f"Since {content.year_ago.day} {content.year_ago:%b %Y}", panel.since_year.words),
        ("Definition", definition_text(kpi)),
    ]
    return render(request, "packs/commentary.html", {
        "council": council_get(), "pack": pack, "kpi": kpi, "form": form, "facts": facts, "chart": panel.chart_svg,
        "trend_rows": [[f"{t.month_end:%b %Y}", t.text] for t in panel.trend],
        "trend_headers": ["Month end", "Figure"], "numeric": {1},
        "back": reverse("packs:pack_draft", args=[pack.pk]),
    })


@login_required
def pack_preview_view(request, pk: int, fmt: str = "html"):
    """The draft as it would be issued now (not stored)."""
    _officer(request)
    pack = _pack(request, pk)
    content = pack_build(pack, record_source(), council=_council_name())
    html = render_html(content, status_line="Draft: not issued")
    if fmt == "pdf":
        return _pdf_response(render_pdf(html), f"pack-{pack.pk}-draft.pdf")
    return HttpResponse(html)


@login_required
@require_POST
def pack_issue_view(request, pk: int):
    pack = _pack(request, pk)
    if not can_issue(request.user):
        raise PermissionDenied
    try:
        version = pack_issue(user=request.user, pack=pack, source=record_source(), council=_council_name())
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("packs:pack_draft", pk=pack.pk)
    messages.success(request, f"Pack issued as version {version.number}")
    return redirect("packs:pack_draft", pk=pack.pk)


def _version(request, pk: int, number: int):
    """An issued version of a pack this user may read, or 404."""
    _reader(request)
    version = version_get(_pack(request, pk), number)
    if version is None:
        raise Http404
    return version


@login_required
def pack_version_view(request, pk: int, number: int):
    return HttpResponse(_version(request, pk, number).html)


@login_required
def pack_version_pdf_view(request, pk: int, number: int):
    return _pdf_response(bytes(_version(request, pk, number).pdf), f"pack-{pk}-v{number}.pdf")


@login_required
def question_library_view(request):
    _reader(request)
    cat = catalogue()
    rows = []
    for q in library().values():
        cov = coverage(q, cat)
        rows.append([str(q.number), q.text, PACKS[q.pack], TAGS[q.tag],
                     ", ".join(cov.computable) or ("No data in Hearth" if q.kpis else "Narrative only")])
    return render(request, "packs/questions.html", {
        "council": council_get(), "rows": rows, "headers": ["No.", "Question", "From", "Answered by", "Measures Hearth computes"],
        "back": reverse("packs:pack_list"),
    })


def _pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
