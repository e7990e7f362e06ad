"""Built-in name lists, fictional places and identifiers, so no generated person or place is real.

Postcodes use outward areas that are not real UK postcode areas, and LA codes come from a
range (600-649, 700-799) that, as far as our sources show, no English authority uses: they have
the 903's shape without pointing at anyone real.
"""

from __future__ import annotations

import random

GIVEN_MALE = (
    "Aaron", "Adam", "Ahmed", "Alfie", "Ali", "Archie", "Arlo", "Ben", "Bilal", "Callum", "Charlie",
    "Connor", "Daniel", "David", "Dylan", "Ethan", "Finley", "Freddie", "George", "Harrison", "Harry",
    "Henry", "Isaac", "Jack", "Jacob", "Jake", "James", "Jayden", "Joseph", "Josh", "Kai", "Kian",
    "Leo", "Lewis", "Liam", "Logan", "Louis", "Luca", "Lucas", "Mason", "Max", "Mohammed", "Nathan",
    "Noah", "Oliver", "Ollie", "Oscar", "Reece", "Riley", "Ryan", "Sam", "Samuel", "Theo", "Thomas",
    "Toby", "Tyler", "William", "Yusuf", "Zac", "Zain", "Abdi", "Dawit", "Tesfay", "Omid", "Samir",
)
GIVEN_FEMALE = (
    "Aaliyah", "Abigail", "Amelia", "Amber", "Anya", "Ava", "Bella", "Bethany", "Chloe", "Daisy",
    "Ella", "Ellie", "Emily", "Emma", "Erin", "Eva", "Evie", "Faith", "Freya", "Grace", "Hannah",
    "Harriet", "Holly", "Imogen", "Isabella", "Isla", "Jasmine", "Jessica", "Kayla", "Keira", "Lacey",
    "Layla", "Leah", "Lily", "Lola", "Lucy", "Maisie", "Maya", "Megan", "Mia", "Millie", "Molly",
    "Nadia", "Olivia", "Paige", "Phoebe", "Poppy", "Rosie", "Ruby", "Sadia", "Scarlett", "Sienna",
    "Sophie", "Summer", "Tia", "Willow", "Zara", "Zoe", "Amira", "Hana", "Selam",
)
FAMILY = (
    "Abbott", "Ahmed", "Akhtar", "Allen", "Armstrong", "Bailey", "Baker", "Barker", "Bell", "Bennett",
    "Brooks", "Brown", "Burton", "Carter", "Chapman", "Clarke", "Cole", "Collins", "Cooper", "Cox",
    "Davies", "Dixon", "Edwards", "Ellis", "Evans", "Fisher", "Fletcher", "Foster", "Gibson", "Graham",
    "Grant", "Green", "Hall", "Harris", "Hayes", "Hill", "Holmes", "Hughes", "Hussain", "Jackson",
    "James", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King", "Knight", "Lee", "Lewis", "Marshall",
    "Martin", "Mason", "Mills", "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Murray", "Owen",
    "Palmer", "Parker", "Patel", "Pearson", "Phillips", "Powell", "Price", "Reid", "Richards", "Roberts",
    "Robinson", "Rogers", "Russell", "Shaw", "Simpson", "Smith", "Spencer", "Stevens", "Stewart",
    "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson", "Webb", "White", "Wilkinson",
    "Williams", "Wilson", "Wood", "Wright", "Young", "Osman", "Haile", "Rahimi", "Nowak", "Popescu",
)
PLACE_STEMS = (
    "Ash", "Bram", "Brack", "Cald", "Cran", "Dun", "Elder", "Fern", "Glen", "Hal", "Hazel", "Holm",
    "Kings", "Lark", "Mar", "Mere", "Nor", "Oak", "Pen", "Red", "Rook", "Rush", "Sand", "Stan", "Thorn",
    "Wes", "Whit", "Wil", "Wold", "Yar",
)
PLACE_ENDS = ("moor", "dale", "field", "ford", "ham", "ley", "mere", "stead", "thorpe", "ton", "vale", "wick")
REGIONS = (
    "North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
    "East of England", "London", "South East", "South West",
)

# Real UK postcode areas (one or two letters); fictional areas avoid them all.
_REAL_AREAS = set(
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC "
    "EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS "
    "LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP "
    "SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE".split()
)
_FIRST = "ABCDEFGHIJKLMNOPRSTUWYZ"  # Q, V and X never start a UK postcode
FICTIONAL_AREAS = tuple(
    a + b for a in _FIRST for b in "ABCDEFGHKLMNOPRSTUWY" if a + b not in _REAL_AREAS and a + b != "NM"
)
NORTHMOOR_AREA = "NM"
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # inward codes never use C, I, K, M, O or V

# Fictional but 903-shaped LA codes: 700-799 then 600-649.
FICTIONAL_LA_CODES = tuple(str(n) for n in range(700, 800)) + tuple(str(n) for n in range(600, 650))
NORTHMOOR = ("Northmoor County Council", "700", "North West")


def council_identity(index: int, rng: random.Random) -> tuple[str, str, str, str]:
    """(name, la_code, region, postcode area) for council number `index` of a set."""
    if index >= len(FICTIONAL_LA_CODES):
        raise ValueError(f"At most {len(FICTIONAL_LA_CODES)} synthetic councils are supported.")
    if index == 0:
        name, code, region = NORTHMOOR
        return name, code, region, NORTHMOOR_AREA
    kind = rng.choice(("County Council", "Borough Council", "City Council", "Council"))
    name = f"{rng.choice(PLACE_STEMS)}{rng.choice(PLACE_ENDS)} {kind}"
    return name, FICTIONAL_LA_CODES[index], rng.choice(REGIONS), FICTIONAL_AREAS[index % len(FICTIONAL_AREAS)]


def postcode(rng: random.Random, area: str) -> str:
    letters = _INWARD_LETTERS
    return f"{area}{rng.randint(1, 29)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def person(rng: random.Random, sex: str) -> tuple[str, str]:
    given = rng.choice(GIVEN_MALE if sex == "M" else GIVEN_FEMALE)
    return given, rng.choice(FAMILY)


_UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn(rng: random.Random, la_code: str) -> str:
    """A well-formed permanent UPN: check letter, LA code, school, year, serial (DfE UPN guide)."""
    digits = f"{la_code}{rng.randint(1000, 9999)}{rng.randint(0, 99):02d}{rng.randint(0, 999):03d}"
    total = sum(int(ch) * weight for ch, weight in zip(digits, range(2, 14), strict=True))
    return _UPN_LETTERS[total % 23] + digits


def urn(rng: random.Random, children_home: bool) -> str:
    """An Ofsted-shaped URN: SC and six digits for settings, seven digits for agencies."""
    return f"SC{rng.randint(100000, 999999)}" if children_home else str(rng.randint(1000000, 9999999))
