"""Where children are placed: the council's providers, and the 903 placement details of a move.

Placement provider rules follow ssda903.md §2.8 (PR0 only with P1; PR3 never for foster, adoption
or children's homes) and URN rules follow §1.6 roughly: settings carry the setting's URN, foster
and adoption placements the agency's, and P1, P2, P3, R1, R2, R5, T0-T4 and Z codes none.
About 80% of children's homes are privately run (002 L188).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from hearth.synth import names
from hearth.synth.draw import pick
from hearth.synth.model import ProviderSpec

# English H5 placements needed an Ofsted URN from 28 October 2023 (§2.7), and the 2023/24 and 2024/25
# returns ask for it on every H5 episode open in the year (218), so H5 settings always carry theirs.
OUT_OF_AREA = {"FOSTERING": 0.2, "CHILDRENS_HOME": 0.55, "SUPPORTED_ACCOMMODATION": 0.25}


class Placement(NamedTuple):
    place: str
    place_provider: str
    provider_key: int | None
    carer: int  # who cares for the child: same carer means RNE T/U rather than P/B
    pl_post: str
    urn: str
    pl_la: str

    @property
    def temporary(self) -> bool:
        return self.place.startswith("T")


@dataclass
class CouncilPlaces:
    la_code: str
    area: str
    other_areas: tuple[str, ...]
    other_la_codes: tuple[str, ...]
    providers: list[ProviderSpec]
    by_kind: dict[tuple[str, str], list[ProviderSpec]]

    def elsewhere(self, rng: random.Random) -> tuple[str, str]:
        """A postcode and LA code outside the council."""
        i = rng.randrange(len(self.other_areas))
        return names.postcode(rng, self.other_areas[i]), self.other_la_codes[i]

    def here(self, rng: random.Random) -> tuple[str, str]:
        return names.postcode(rng, self.area), self.la_code


def build_places(rng: random.Random, *, la_code: str, area: str, name: str, children_in_care: int) -> CouncilPlaces:
    others = [c for c in names.FICTIONAL_LA_CODES if c != la_code]
    other_la = tuple(rng.sample(others, 12))
    other_areas = tuple(rng.sample([a for a in names.FICTIONAL_AREAS if a != area], 12))
    short = name.split()[0]
    providers: list[ProviderSpec] = []
    places = CouncilPlaces(la_code, area, other_areas, other_la, providers, {})

    def add(label: str, kind: str, pp: str, *, urn: str, out_of_area: float = 0.0) -> None:
        post, code = places.elsewhere(rng) if rng.random() < out_of_area else places.here(rng)
        if pp == "PR2":
            post, code = places.elsewhere(rng)
        spec = ProviderSpec(len(providers), label, kind, pp, post, urn, code)
        providers.append(spec)
        places.by_kind.setdefault((kind, pp), []).append(spec)

    scale = max(1, children_in_care // 100)
    add(f"{short} Fostering Service", "FOSTERING", "PR1", urn=names.urn(rng, False))
    for i in range(3 + min(scale, 8)):
        add(f"{rng.choice(names.PLACE_STEMS)} Family Fostering {i + 1}", "FOSTERING", "PR4",
            urn=names.urn(rng, False), out_of_area=0.5)
    add(f"{rng.choice(names.PLACE_STEMS)} Foster Care Trust", "FOSTERING", "PR5", urn=names.urn(rng, False))
    for i in range(max(1, children_in_care // 150)):
        add(f"{short} House {i + 1}", "CHILDRENS_HOME", "PR1", urn=names.urn(rng, True))
    for _ in range(max(4, children_in_care // 40)):
        add(f"{rng.choice(names.PLACE_STEMS)}{rng.choice(names.PLACE_ENDS)} Children's Home", "CHILDRENS_HOME",
            "PR4", urn=names.urn(rng, True), out_of_area=OUT_OF_AREA["CHILDRENS_HOME"])
    add(f"{rng.choice(names.PLACE_STEMS)} Charity Home", "CHILDRENS_HOME", "PR5", urn=names.urn(rng, True))
    for _ in range(2):
        add(f"{rng.choice(names.PLACE_STEMS)} Secure Unit", "SECURE_HOME", "PR2", urn=names.urn(rng, True))
    add(f"{short} Supported Living", "SUPPORTED_ACCOMMODATION", "PR1", urn=names.urn(rng, True))
    for i in range(max(2, children_in_care // 120)):
        add(f"{rng.choice(names.PLACE_STEMS)} Supported Housing {i + 1}", "SUPPORTED_ACCOMMODATION", "PR4",
            urn=names.urn(rng, True), out_of_area=OUT_OF_AREA["SUPPORTED_ACCOMMODATION"])
    add(f"{rng.choice(names.PLACE_STEMS)} Foyer Trust", "SUPPORTED_ACCOMMODATION", "PR5", urn=names.urn(rng, True))
    for pp in ("PR4", "PR5"):
        add(f"{rng.choice(names.PLACE_STEMS)} Residential School", "RESIDENTIAL_SCHOOL", pp,
            urn=names.urn(rng, True), out_of_area=0.7)
    add(f"Adopt {short} (regional adoption agency)", "ADOPTION_AGENCY", "PR1", urn="XXXXXXX")
    add("Neighbouring regional adoption agency", "ADOPTION_AGENCY", "PR2", urn="XXXXXXX")
    add(f"{rng.choice(names.PLACE_STEMS)} Adoption Society", "ADOPTION_AGENCY", "PR5", urn=names.urn(rng, False))
    add(f"{short} Hospital Trust", "HEALTH", "PR3", urn="")
    add(f"{short} Family Centre", "OTHER", "PR1", urn=names.urn(rng, True))
    add(f"{rng.choice(names.PLACE_STEMS)} Young Offender Institution", "CUSTODY", "PR3", urn="", out_of_area=1.0)
    return places


# Placement type -> ((provider kind, PLACE_PROVIDER, weight), ...)
_SOURCES: dict[str, tuple[tuple[str, str, float], ...]] = {
    "FOSTER": (("FOSTERING", "PR1", 0.55), ("FOSTERING", "PR4", 0.4), ("FOSTERING", "PR5", 0.05)),
    "KINSHIP": (("FOSTERING", "PR1", 1.0),),
    "ADOPTION": (("ADOPTION_AGENCY", "PR1", 0.6), ("ADOPTION_AGENCY", "PR2", 0.2), ("ADOPTION_AGENCY", "PR5", 0.2)),
    "K1": (("SECURE_HOME", "PR2", 1.0),),
    "K2": (("CHILDRENS_HOME", "PR1", 0.22), ("CHILDRENS_HOME", "PR4", 0.72), ("CHILDRENS_HOME", "PR5", 0.06)),
    "SEMI": (("SUPPORTED_ACCOMMODATION", "PR1", 0.3), ("SUPPORTED_ACCOMMODATION", "PR4", 0.6),
             ("SUPPORTED_ACCOMMODATION", "PR5", 0.1)),
    "S1": (("RESIDENTIAL_SCHOOL", "PR4", 0.7), ("RESIDENTIAL_SCHOOL", "PR5", 0.3)),
    "R2": (("HEALTH", "PR3", 1.0),),
    "R3": (("OTHER", "PR1", 1.0),),
    "R5": (("CUSTODY", "PR3", 1.0),),
}
_SOURCE_INDEX = {k: tuple((str(i), w) for i, (*_, w) in enumerate(v)) for k, v in _SOURCES.items()}
_FAMILY = {
    "U1": "KINSHIP", "U2": "KINSHIP", "U3": "KINSHIP", "U4": "FOSTER", "U5": "FOSTER", "U6": "FOSTER",
    "A3": "ADOPTION", "A4": "ADOPTION", "A5": "ADOPTION", "A6": "ADOPTION", "K1": "K1", "K2": "K2",
    "K3": "SEMI", "H5": "SEMI", "S1": "S1", "R2": "R2", "R3": "R3", "R5": "R5",
}


def placement(
    rng: random.Random, places: CouncilPlaces, place: str, day: date, *, home_post: str, carer: int,
) -> Placement:
    """A new placement of the given type starting on `day`, with a new carer number `carer`."""
    family = _FAMILY.get(place)
    if place == "P1":
        return Placement(place, "PR0", None, carer, home_post or places.here(rng)[0], "", places.la_code)
    if family is None:  # P2, P3, R1, T0-T4, Z codes: no provider code for T and Z, no URN
        post, code = places.elsewhere(rng) if rng.random() < 0.2 else places.here(rng)
        pp = "" if place.startswith(("T", "Z")) else ("PR1" if place == "P2" else "PR4")
        return Placement(place, pp, None, carer, post, "", code)
    sources = _SOURCES[family]
    kind, pp, _ = sources[int(pick(rng, _SOURCE_INDEX[family]))]
    provider = rng.choice(places.by_kind[(kind, pp)])
    if family in ("FOSTER", "KINSHIP", "ADOPTION"):
        # Carers live at their own address: mostly near home, agency carers further away more often.
        far = rng.random() < (0.3 if pp != "PR1" else 0.1)
        post, code = places.elsewhere(rng) if far else places.here(rng)
    else:
        post, code = provider.postcode, provider.la_code
    urn = provider.urn
    if place in ("R2", "R5"):
        urn = ""
    return Placement(place, pp, provider.key, carer, post, urn, code)


def same_carer(rng: random.Random, places: CouncilPlaces, current: Placement, place: str, day: date) -> Placement:
    """The same carer and address under a new placement type (short- to long-term fostering, FFA to
    adoption, H5 to K3): RNE T or U."""
    urn = current.urn
    pp, provider_key = current.place_provider, current.provider_key
    if place.startswith("A") and current.place.startswith("U"):
        agency = rng.choice(places.by_kind[("ADOPTION_AGENCY", "PR1")])
        urn, pp, provider_key = agency.urn, agency.place_provider, agency.key
    if place in ("K3", "H5"):
        if not urn:
            provider = rng.choice(places.by_kind[("SUPPORTED_ACCOMMODATION", "PR4")])
            urn, pp, provider_key = provider.urn, provider.place_provider, provider.key
    if place.startswith("Z"):
        urn, pp, provider_key = "", "", None
    return Placement(place, pp, provider_key, current.carer, current.pl_post, urn, current.pl_la)
