"""A pack's content as one HTML document, and that document as a PDF (WeasyPrint, print CSS)."""

from __future__ import annotations

from django.template.loader import render_to_string

from hearth.packs.build import PackContent


def render_html(content: PackContent, *, status_line: str) -> str:
    return render_to_string("packs/document.html", {"pack": content, "status_line": status_line})


def render_pdf(html: str) -> bytes:
    """The PDF of a rendered pack. The document is self-contained (styles inline, charts as SVG),
    so no URL is fetched while printing."""
    from weasyprint import HTML

    return HTML(string=html, base_url=None).write_pdf()
