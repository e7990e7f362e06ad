"""The question library: what councillors are told to ask, each linked to the KPIs that answer it.

The questions live in questions.toml beside this module (002-notes.md §6, mapped as in kpis.md
§5). A work-programme item names questions by number; a pack built from them carries their KPIs,
and lists the questions nothing computable answers, so the gap is in front of the panel.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, Protocol

LIBRARY = Path(__file__).with_name("questions.toml")
Tag = Literal["Q", "QN", "N"]
PACKS = {"CP": "Corporate parenting", "CL": "Support for care leavers", "PM": "Permanency",
         "YJ": "Youth justice", "DU": "Asked by members at Durham's panel"}
TAGS = {"Q": "answered by data", "QN": "data and narrative", "N": "narrative only"}
_RANGE = re.compile(r"^([A-Z]+(?:-[A-Z]+)?-)(\d+)\.\.\1(\d+)$")


class QuestionLibraryError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Question:
    number: int
    pack: str
    tag: Tag
    text: str
    kpis: tuple[str, ...]
    narrative: str = ""


class HasNeeds(Protocol):
    needs: str


@dataclass(frozen=True, slots=True)
class Coverage:
    """How far Hearth's data answers one question."""

    question: Question
    computable: tuple[str, ...]  # KPI ids Hearth computes
    not_computable: tuple[tuple[str, str], ...]  # (KPI id, what it needs)

    @property
    def is_gap(self) -> bool:
        """Nothing Hearth computes answers it: no KPI at all, or none computable."""
        return not self.computable


def expand(ids: Iterable[str]) -> tuple[str, ...]:
    """Catalogue ids with ranges written out: 'STB-01..STB-03' -> STB-01, STB-02, STB-03."""
    out: list[str] = []
    for item in ids:
        if ".." not in item:
            out.append(item)
            continue
        m = _RANGE.match(item)
        if not m or int(m[2]) > int(m[3]):
            raise QuestionLibraryError(f"{item!r} is not a range like STB-01..STB-05")
        width = len(m[2])
        out.extend(f"{m[1]}{n:0{width}d}" for n in range(int(m[2]), int(m[3]) + 1))
    return tuple(dict.fromkeys(out))


def parse_library(text: str) -> dict[int, Question]:
    data = tomllib.loads(text)
    questions: dict[int, Question] = {}
    for row in data.get("question", []):
        number = row.get("number")
        if not isinstance(number, int) or number in questions:
            raise QuestionLibraryError(f"question number {number!r} is missing or repeated")
        if row.get("pack") not in PACKS or row.get("tag") not in TAGS or not row.get("text"):
            raise QuestionLibraryError(f"question {number} needs a pack, a tag ({', '.join(TAGS)}) and text")
        kpis = expand(row.get("kpis", []))
        if row["tag"] != "N" and not kpis:
            raise QuestionLibraryError(f"question {number} is answered by data but names no KPI")
        questions[number] = Question(number, row["pack"], row["tag"], row["text"], kpis, row.get("narrative", ""))
    return dict(sorted(questions.items()))


@cache
def library() -> dict[int, Question]:
    return parse_library(LIBRARY.read_text(encoding="utf-8"))


def questions_get(numbers: Iterable[int]) -> list[Question]:
    """The questions with these numbers, in number order; an unknown number is an error."""
    lib = library()
    wanted = sorted(set(numbers))
    unknown = [n for n in wanted if n not in lib]
    if unknown:
        raise QuestionLibraryError(f"no question numbered {', '.join(map(str, unknown))} in the library")
    return [lib[n] for n in wanted]


def kpis_for(questions: Iterable[Question]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for q in questions for k in q.kpis))


def coverage(question: Question, catalogue: Mapping[str, HasNeeds]) -> Coverage:
    """Which of a question's KPIs Hearth computes. An id missing from the catalogue counts as
    not computable ('not in the catalogue'), never silently dropped."""
    computable, missing = [], []
    for kpi_id in question.kpis:
        kpi = catalogue.get(kpi_id)
        if kpi is None:
            missing.append((kpi_id, "not in Hearth's KPI catalogue"))
        elif kpi.needs:
            missing.append((kpi_id, kpi.needs))
        else:
            computable.append(kpi_id)
    return Coverage(question, tuple(computable), tuple(missing))
