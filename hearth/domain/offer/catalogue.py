"""The offer as a document: themes, kinds of help, providers, and the TOML file that holds it.

A council keeps its offer in a plain text file (see hearth/offer/data/demo_offer.toml) and loads
it as a new version; `parse_offer` checks every item and names the item and field at fault.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum

from hearth.domain.offer.eligibility import Category, Circumstance, Entitlement


class Theme(Enum):
    MONEY = ("money", "Money")
    HOME = ("home", "Home")
    EDUCATION_WORK = ("education_work", "Education and work")
    HEALTH = ("health", "Health and wellbeing")
    RELATIONSHIPS = ("relationships", "Relationships")
    RIGHTS = ("rights", "Your rights")

    def __init__(self, code: str, label: str) -> None:
        self.code, self.label = code, label


class Form(Enum):
    MONEY = ("money", "Money")
    SERVICE = ("service", "Service")
    DISCOUNT = ("discount", "Discount")
    EXEMPTION = ("exemption", "Exemption")

    def __init__(self, code: str, label: str) -> None:
        self.code, self.label = code, label


class Period(Enum):
    ONCE = ("once", "once")
    WEEK = ("week", "a week")
    MONTH = ("month", "a month")
    YEAR = ("year", "a year")

    def __init__(self, code: str, label: str) -> None:
        self.code, self.label = code, label


class ProviderKind(Enum):
    COUNCIL = ("council", "The council")
    DISTRICT = ("district", "Your district council")
    PARTNER = ("partner", "A partner organisation")
    BUSINESS = ("business", "A local business")
    GOVERNMENT = ("government", "Central government")

    def __init__(self, code: str, label: str) -> None:
        self.code, self.label = code, label


def _by_code(enum: type[Enum], code: str, where: str):
    for member in enum:
        if member.value[0] == code if isinstance(member.value, tuple) else member.value == code:
            return member
    raise ValueError(f"{where}: {code!r} is not one of {', '.join(str(m.value[0] if isinstance(m.value, tuple) else m.value) for m in enum)}")


@dataclass(frozen=True, slots=True)
class OfferItem:
    """One entitlement or service as published."""

    eligibility: Entitlement
    theme: Theme
    summary: str
    form: Form
    provider_kind: ProviderKind
    provider: str
    how_to_get: str
    basis: str  # the law or policy behind it
    statutory: bool
    amount: Decimal | None = None
    period: Period | None = None
    record_kind: str = ""  # the record's EntitlementGiven kind, when it is recorded as given

    @property
    def key(self) -> str:
        return self.eligibility.key

    @property
    def title(self) -> str:
        return self.eligibility.title


@dataclass(frozen=True, slots=True)
class OfferDocument:
    title: str
    introduction: str
    items: tuple[OfferItem, ...]


_REQUIRED = ("key", "title", "theme", "summary", "form", "provider_kind", "provider", "how_to_get", "basis",
             "min_age", "under_age", "categories")


def _date(value, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    raise ValueError(f"{where}: write dates as 2026-04-01")


def _item(raw: dict, n: int) -> OfferItem:
    where = f"item {n} ({raw.get('key', 'no key')})"
    missing = [name for name in _REQUIRED if name not in raw]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    amount = None
    if raw.get("amount") not in (None, ""):
        try:
            amount = Decimal(str(raw["amount"]))
        except InvalidOperation:
            raise ValueError(f"{where}: amount must be a number") from None
        if amount < 0:
            raise ValueError(f"{where}: amount cannot be negative")
    period = _by_code(Period, raw["period"], f"{where} period") if raw.get("period") else None
    if (amount is None) != (period is None):
        raise ValueError(f"{where}: give an amount and a period together")
    try:
        eligibility = Entitlement(
            key=raw["key"], title=raw["title"], min_age=int(raw["min_age"]), under_age=int(raw["under_age"]),
            categories=frozenset(_by_code(Category, c, f"{where} categories") for c in raw["categories"]),
            requires_any=frozenset(_by_code(Circumstance, c, f"{where} requires_any") for c in raw.get("requires_any", [])),
            excludes=frozenset(_by_code(Circumstance, c, f"{where} excludes") for c in raw.get("excludes", [])),
            valid_from=_date(raw.get("valid_from"), f"{where} valid_from"),
            valid_to=_date(raw.get("valid_to"), f"{where} valid_to"),
        )
    except ValueError as error:
        text = str(error).removeprefix(f"{raw['key']}: ")
        raise ValueError(text if text.startswith("item ") else f"{where}: {text}") from None
    return OfferItem(
        eligibility=eligibility, theme=_by_code(Theme, raw["theme"], f"{where} theme"), summary=raw["summary"].strip(),
        form=_by_code(Form, raw["form"], f"{where} form"),
        provider_kind=_by_code(ProviderKind, raw["provider_kind"], f"{where} provider_kind"),
        provider=raw["provider"], how_to_get=raw["how_to_get"].strip(), basis=raw["basis"],
        statutory=bool(raw.get("statutory", False)), amount=amount, period=period, record_kind=raw.get("record_kind", ""),
    )


def parse_offer(text: str) -> OfferDocument:
    """Read an offer file; a mistake raises ValueError naming the item and field."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"The offer file is not valid TOML: {error}") from None
    items = tuple(_item(raw, n) for n, raw in enumerate(data.get("item", []), start=1))
    if not items:
        raise ValueError("The offer has no items")
    keys = [i.key for i in items]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ValueError(f"Each item needs its own key; repeated: {', '.join(duplicates)}")
    return OfferDocument(title=data.get("title", "Local offer for care leavers"),
                         introduction=data.get("introduction", "").strip(), items=items)
