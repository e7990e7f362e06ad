"""`hearth pack --period 2025-Q4 --audience members --out pack.pdf`: build a pack from the record.

Periods: a quarter is a financial quarter (2025-Q4 and 2025-26-Q4 both mean 1 January to
31 March 2026), 2025-26 a financial year, 2025-11 a month. The dates are printed on the cover.
The pack is built, not issued: issuing (which stores a version) happens in Hearth.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hearth.domain.packs.audience import rules_for
from hearth.domain.packs.period import PeriodError, parse_period
from hearth.domain.packs.questions import QuestionLibraryError, questions_get
from hearth.packs.build import pack_content
from hearth.packs.render import render_html, render_pdf
from hearth.packs.sources import record_source
from hearth.records.selectors import council_get


class Command(BaseCommand):
    help = "Build a performance pack as PDF (or HTML, by the --out file's extension)."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True,
                            help="2025-Q4 or 2025-26-Q4 (financial quarter: Jan to Mar 2026), 2025-26, or 2025-11")
        parser.add_argument("--audience", required=True, choices=["members", "managers"])
        parser.add_argument("--out", required=True, help="The file to write: .pdf or .html")
        parser.add_argument("--questions", default="", help="Question numbers, e.g. 14,30,62 (default: a full pack)")
        parser.add_argument("--title", default="Performance report")
        parser.add_argument("--threshold", type=int, default=5, help="Members' packs: counts below this are withheld")
        parser.add_argument("--fresh", action="store_true",
                            help="Take a new snapshot of the record first (default: the current one)")

    def handle(self, *args, **opts):
        try:
            period = parse_period(opts["period"])
        except PeriodError as error:
            raise CommandError(str(error)) from None
        try:
            numbers = [int(n) for n in opts["questions"].replace(" ", "").split(",") if n]
            questions = questions_get(numbers)
        except (ValueError, QuestionLibraryError) as error:
            raise CommandError(f"--questions: {error}") from None
        out = Path(opts["out"])
        if out.suffix.lower() not in (".pdf", ".html"):
            raise CommandError("--out must name a .pdf or .html file")
        if opts["threshold"] < 1:
            raise CommandError("--threshold must be at least 1")
        started = time.perf_counter()
        council = council_get()
        content = pack_content(record_source(fresh=opts["fresh"]), period=period, title=opts["title"],
                               rules=rules_for(opts["audience"], threshold=opts["threshold"]),
                               council=council.name if council else "", questions=questions)
        html = render_html(content, status_line="Built from the record: not an issued version")
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.suffix.lower() == ".pdf":
            out.write_bytes(render_pdf(html))
        else:
            out.write_text(html, encoding="utf-8")
        self.stdout.write(f"{period.describe()}: {len(content.panels)} measures written to {out} "
                          f"in {time.perf_counter() - started:.1f} s")
