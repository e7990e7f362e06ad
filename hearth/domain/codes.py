"""Every code list Hearth uses, in one place, with no Django.

The SSDA903 lists follow the DfE's codes and wording (paraphrased) as set out in
shared/reference/ssda903.md §2; the leaving-care lists cover what the 903 does not hold
(accommodation history, EET history, contacts, support requests, entitlements) and are
drawn from the seed documents (shared/reference/seed-notes/). Models take their choices
and database check constraints from here, so a code outside its list is refused by the
database as well as by the form.

A collection year is named by the March it ends in: 2025 is 1 April 2024 to 31 March 2025.
`first_year`/`last_year` record when a 903 code was valid; the record keeps every code that was
ever valid, because history is imported, and the 903 rules judge a code against its year.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    first_year: int | None = None  # first collection year the code is valid in
    last_year: int | None = None  # last collection year the code is valid in

    def valid_in(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )


@dataclass(frozen=True)
class CodeList:
    name: str
    codes: tuple[Code, ...]

    def __post_init__(self) -> None:
        seen = [c.code for c in self.codes]
        if len(seen) != len(set(seen)):
            raise ValueError(f"duplicate code in list {self.name}")

    def __contains__(self, code: object) -> bool:
        return any(c.code == code for c in self.codes)

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.codes)

    @property
    def choices(self) -> list[tuple[str, str]]:
        return [(c.code, f"{c.code}: {c.label}") for c in self.codes]

    def label(self, code: str) -> str:
        for c in self.codes:
            if c.code == code:
                return c.label
        raise KeyError(f"{code!r} is not a {self.name} code")

    def valid_in(self, year: int) -> tuple[str, ...]:
        return tuple(c.code for c in self.codes if c.valid_in(year))


def _list(name: str, *rows: tuple) -> CodeList:
    return CodeList(name, tuple(Code(*row) for row in rows))


# --- SSDA903: Header -------------------------------------------------------------------

SEX = _list(
    "SEX",
    ("M", "Male", 2025),
    ("F", "Female", 2025),
    ("U", "Unknown", 2025),
    ("1", "Male (before 2024/25)", None, 2024),
    ("2", "Female (before 2024/25)", None, 2024),
)
# Hearth stores M/F/U; imports of earlier years map 1 -> M and 2 -> F (ssda903.md §2.1).
SEX_RECORDED = ("M", "F", "U")
SEX_BEFORE_2025 = {"1": "M", "2": "F"}

ETHNIC = _list(
    "ETHNIC",
    ("WBRI", "White British"),
    ("WIRI", "White Irish"),
    ("WOTH", "Any other White background"),
    ("WIRT", "Traveller of Irish heritage"),
    ("WROM", "Gypsy/Roma"),
    ("MWBC", "White and Black Caribbean"),
    ("MWBA", "White and Black African"),
    ("MWAS", "White and Asian"),
    ("MOTH", "Any other Mixed background"),
    ("AIND", "Indian"),
    ("APKN", "Pakistani"),
    ("ABAN", "Bangladeshi"),
    ("AOTH", "Any other Asian background"),
    ("BCRB", "Caribbean"),
    ("BAFR", "African"),
    ("BOTH", "Any other Black background"),
    ("CHNE", "Chinese"),
    ("OOTH", "Any other ethnic group"),
    ("REFU", "Refused"),
    ("NOBT", "Information not yet obtained"),
)

UPN_UNKNOWN = _list(
    "UPN unknown reason",
    ("UN1", "Not of school age and not yet given a UPN"),
    ("UN2", "Never attended a maintained school in England"),
    ("UN3", "Educated outside England"),
    ("UN4", "Newly looked after in the last week of the year; UPN not yet known"),
    ("UN5", "Sources show discrepancies, so the UPN cannot be matched"),
)

# --- SSDA903: Episodes -----------------------------------------------------------------

RNE = _list(
    "RNE",
    ("S", "Started to be looked after"),
    ("L", "Change of legal status only"),
    ("P", "Change of placement and carer(s) only"),
    ("T", "Change of placement but same carer(s) only"),
    ("U", "Change of legal status and of placement, same carer(s), same day"),
    ("B", "Change of legal status and of placement and carer(s), same day"),
)

LS = _list(
    "LS",
    ("C1", "Interim care order"),
    ("C2", "Full care order"),
    ("D1", "Freeing order granted"),
    ("E1", "Placement order granted"),
    ("V2", "Single period of accommodation under section 20"),
    ("V3", "Accommodated under an agreed series of short-term breaks (individual episodes)"),
    ("V4", "Accommodated under an agreed series of short-term breaks (agreements)"),
    ("L1", "Under police protection and in local authority accommodation"),
    ("L2", "Emergency protection order"),
    ("L3", "Under child assessment order and in local authority accommodation"),
    ("J1", "Remanded to local authority or youth detention accommodation"),
    ("J2", "Placed in local authority accommodation under PACE"),
    ("J3", "Youth Rehabilitation Order with residence or intensive fostering requirement"),
)
SHORT_BREAK_LS = ("V3", "V4")

CIN = _list(
    "CIN",
    ("N1", "Abuse or neglect"),
    ("N2", "Child's disability"),
    ("N3", "Parental illness or disability"),
    ("N4", "Family in acute stress"),
    ("N5", "Family dysfunction"),
    ("N6", "Socially unacceptable behaviour"),
    ("N7", "Low income"),
    ("N8", "Absent parenting"),
)

PLACE = _list(
    "PLACE",
    ("A3", "Placed for adoption with consent, with current foster carer(s)"),
    ("A4", "Placed for adoption with consent, not with current foster carer(s)"),
    ("A5", "Placed for adoption with a placement order, with current foster carer(s)"),
    ("A6", "Placed for adoption with a placement order, not with current foster carer(s)"),
    ("H5", "Semi-independent living accommodation not subject to children's homes regulations", None, 2025),
    ("K1", "Secure children's home"),
    ("K2", "Children's home subject to Children's Homes Regulations"),
    ("K3", "Supported accommodation", 2025),
    ("P1", "Placed with own parent(s) or other person(s) with parental responsibility"),
    ("P2", "Independent living", None, 2024),
    ("P3", "Residential employment"),
    ("R1", "Residential care home"),
    ("R2", "NHS/health trust or other establishment providing medical or nursing care"),
    ("R3", "Family centre or mother and baby unit"),
    ("R5", "Young offender institution or prison"),
    ("S1", "Residential school, not dual-registered as a children's home"),
    ("T0", "Temporary move of any type"),
    ("T1", "Temporary period in hospital"),
    ("T2", "Temporary absence on holiday"),
    ("T3", "Temporary accommodation while the foster carer(s) are on holiday"),
    ("T4", "Temporary accommodation of seven days or less"),
    ("U1", "Foster placement with relative(s) or friend(s): long-term fostering"),
    ("U2", "Foster placement with relative(s) or friend(s) who are approved adopters (FFA / concurrent planning)"),
    ("U3", "Foster placement with relative(s) or friend(s): not long-term or FFA"),
    ("U4", "Foster placement with other foster carer(s): long-term fostering"),
    ("U5", "Foster placement with other foster carer(s) who are approved adopters (FFA / concurrent planning)"),
    ("U6", "Foster placement with other foster carer(s): not long-term or FFA"),
    ("Z1", "Other placement", None, 2025),
    # The DfE's labels for Z11-Z14 are not in our sources (ssda903.md §2.7); neutral labels until then.
    ("Z11", "Other placement (Z11)", 2026),
    ("Z12", "Other placement (Z12)", 2026),
    ("Z13", "Other placement (Z13)", 2026),
    ("Z14", "Other placement (Z14)", 2026),
)
FOSTER_PLACE = ("U1", "U2", "U3", "U4", "U5", "U6")
ADOPTION_PLACE = ("A3", "A4", "A5", "A6")
TEMPORARY_PLACE = ("T0", "T1", "T2", "T3", "T4")
OTHER_PLACE = ("Z1", "Z11", "Z12", "Z13", "Z14")

PLACE_PROVIDER = _list(
    "PLACE_PROVIDER",
    ("PR0", "Parent(s) or other person(s) with parental responsibility"),
    ("PR1", "Own provision by the local authority"),
    ("PR2", "Other local authority provision"),
    ("PR3", "Other public provision"),
    ("PR4", "Private provision"),
    ("PR5", "Voluntary/third sector provision"),
)

REC = _list(
    "REC",
    ("X1", "Episode ends and a new one begins the same day"),
    ("E11", "Adopted: application unopposed"),
    ("E12", "Adopted: consent dispensed with by the court"),
    ("E2", "Died"),
    ("E3", "Care taken over by another local authority in the UK"),
    ("E4A", "Returned home to parent(s) or others with parental responsibility, as part of care planning"),
    ("E4B", "Returned home to parent(s) or others with parental responsibility, not as part of care planning"),
    ("E13", "Left care to live with parent(s), relative(s) or others with no parental responsibility"),
    ("E41", "Residence order or child arrangements order granted"),
    ("E43", "Special guardianship order made to former foster carer(s) (before 2018/19)", None, 2018),
    ("E44", "Special guardianship order made to carer(s) other than former foster carer(s) (before 2018/19)", None, 2018),
    ("E45", "Special guardianship order to former foster carer(s) who are relatives or friends", 2019),
    ("E46", "Special guardianship order to former foster carer(s) other than relatives or friends", 2019),
    ("E47", "Special guardianship order to other carer(s) who are relatives or friends", 2019),
    ("E48", "Special guardianship order to other carer(s) other than relatives or friends", 2019),
    ("E5", "Moved into independent living with supportive accommodation"),
    ("E6", "Moved into independent living with no formal support"),
    ("E7", "Transferred to residential care funded by adult social care"),
    ("E9", "Sentenced to custody"),
    ("E14", "Accommodation on remand ended"),
    ("E15", "Age assessment determined the child is 18 or over"),
    ("E16", "Child moved abroad"),
    ("E17", "Aged 18 or over and remained with current carers"),
    ("E8", "Period of being looked after ceased for any other reason"),
)
ADOPTED_REC = ("E11", "E12")
SGO_REC = ("E43", "E44", "E45", "E46", "E47", "E48")

REASON_PLACE_CHANGE = _list(
    "REASON_PLACE_CHANGE",
    ("CARPL", "Change to, or implementing, the care plan"),
    ("CLOSE", "Resignation of the carer or closure of the provision"),
    ("ALLEG", "Allegation under investigation (s47)"),
    ("STAND", "Standards of care concern"),
    ("APPRR", "Approval or registration of the setting removed"),
    ("CREQB", "Carer(s) asked for the placement to end because of the child's behaviour"),
    ("CREQO", "Carer(s) asked for the placement to end for other reasons"),
    ("CHILD", "Child asked for the placement to end"),
    ("LAREQ", "Responsible or area authority asked for the placement to end"),
    ("PLACE", "Change in the status of the placement only"),
    ("CUSTOD", "Child admitted to custody", 2019),
    ("OTHER", "Any other reason"),
)

# --- SSDA903: Reviews, OC2, OC3, adoption, permanence, missing, social workers ----------

REVIEW_CODE = _list(
    "REVIEW_CODE",
    ("PN0", "Child aged under 4 at the time of the review"),
    ("PN1", "Child attends and speaks for themselves"),
    ("PN2", "Child attends and an advocate speaks for them"),
    ("PN3", "Child attends and conveys their view symbolically"),
    ("PN4", "Child attends but does not convey their views"),
    ("PN5", "Child does not attend but briefs an advocate"),
    ("PN6", "Child does not attend but conveys feelings through a facilitative medium"),
    ("PN7", "Child does not attend and their views are not conveyed"),
)

SDQ_REASON = _list(
    "SDQ_REASON",
    ("SDQ1", "No form returned: child under 4 or over 16 at the latest assessment"),
    ("SDQ2", "Carer(s) refused to complete the questionnaire"),
    ("SDQ3", "Not possible because of the severity of the child's disability"),
    ("SDQ4", "Other"),
    ("SDQ5", "Child or young person refused"),
)

IN_TOUCH = _list(
    "IN_TOUCH",
    ("YES", "In touch"),
    ("NO", "Not in touch"),
    ("DIED", "Died since leaving care"),
    ("REFU", "Refuses contact"),
    ("NREQ", "No longer requires services"),
    ("RHOM", "Returned home to parent(s) for six months or more"),
)

ACTIV = _list(
    "ACTIV",
    ("F1", "Full time in higher education"),
    ("P1", "Part time in higher education"),
    ("F2", "Full time in education other than higher education"),
    ("P2", "Part time in education other than higher education"),
    ("F3", "Full time in training or employment", None, 2021),
    ("P3", "Part time in training or employment", None, 2021),
    ("F4", "Full time in an apprenticeship", 2022),
    ("P4", "Part time in an apprenticeship", 2022),
    ("F5", "Full time in training or employment (not apprenticeship)", 2022),
    ("P5", "Part time in training or employment (not apprenticeship)", 2022),
    ("G4", "NEET because of illness or disability"),
    ("G5", "NEET: other circumstances"),
    ("G6", "NEET because of pregnancy or parenting"),
    ("0", "No activity recorded"),
)
NEET_ACTIV = ("G4", "G5", "G6")

# ACCOM is a letter (type) plus 1 (suitable) or 2 (unsuitable); S and X are only ever 2.
_ACCOM_TYPES = (
    ("B", "With parent(s) or relative(s)"),
    ("C", "Community home or other residential care"),
    ("D", "Semi-independent, transitional accommodation"),
    ("E", "Supported lodgings"),
    ("G", "Gone abroad"),
    ("H", "Deported"),
    ("K", "Ordinary lodgings without formal support"),
    ("R", "Residence not known"),
    ("S", "No fixed abode / homeless"),
    ("T", "Foyer or similar supported accommodation"),
    ("U", "Independent living"),
    ("V", "Emergency accommodation"),
    ("W", "Bed and breakfast"),
    ("X", "In custody"),
    ("Y", "Other accommodation"),
    ("Z", "With former foster carer(s)"),
)
ACCOM = CodeList(
    "ACCOM",
    tuple(
        Code(f"{letter}{digit}", f"{label}, {'suitable' if digit == '1' else 'not suitable'}")
        for letter, label in _ACCOM_TYPES
        for digit in ("1", "2")
        if not (letter in ("S", "X") and digit == "1")
    )
    + (Code("0", "No accommodation recorded"),),
)

ADOPTER_SEX = _list(
    "SEX_ADOPTR",
    ("M1", "Single male"),
    ("F1", "Single female"),
    ("MM", "Male couple"),
    ("FF", "Female couple"),
    ("MF", "Male/female couple"),
)
ADOPTER_LS = _list(
    "LS_ADOPTR",
    ("L0", "Single adopter"),
    ("L11", "Different-gender married couple"),
    ("L12", "Same-gender married couple"),
    ("L2", "Civil partnership couple"),
    ("L3", "Different-gender unmarried couple"),
    ("L4", "Same-gender couple, not married or in a civil partnership"),
)
REASON_PLACED_CEASED = _list(
    "REASON_PLACED_CEASED",
    ("RD1", "The child's needs changed after the decision"),
    ("RD2", "The court did not make a placement order"),
    ("RD3", "Prospective adopters could not be found"),
    ("RD4", "Any other reason"),
)
PREV_PERM = _list(
    "PREV_PERM",
    ("P1", "Adoption"),
    ("P2", "Special guardianship order"),
    ("P3", "Residence order or child arrangements order"),
    ("P4", "Unknown"),
    ("Z1", "Has not previously had a permanence option"),
)
MISSING = _list(
    "MISSING",
    ("M", "Missing from care"),
    ("A", "Away from placement without authorisation"),
)
SW_REASON = _list(
    "SW_REASON",
    ("MANAGE", "Managing caseloads"),
    ("FCONTA", "First contact or re-referral"),
    ("LEFTRL", "Previous social worker left the role"),
    ("ORGRST", "Organisational restructure"),
    ("TSPROC", "Child transferred under a standard process"),
    ("ABSENC", "Absence cover, or return from absence"),
    ("CHCHAN", "Child asked to change social worker"),
    ("PCCHAN", "Parent/carer asked to change social worker"),
    ("SWDIED", "Previous social worker died"),
    ("OTHERS", "Other reason"),
)

# --- Leaving care (not in the 903) -----------------------------------------------------

# Accommodation types: every kind named in the seed documents (000-notes §3 and F13,
# 002-notes "Accommodation", 003-notes L128-L157), each mapped to the OC3 ACCOM letter
# it is reported under so the 903 can be derived from the history.
ACCOMMODATION_TYPE = _list(
    "Accommodation type",
    ("FOSTER", "With foster carer(s)"),
    ("RESIDENTIAL", "Children's home or other residential care"),
    ("STAYING_PUT", "Staying Put with former foster carer(s)"),
    ("STAYING_CLOSE", "Staying Close, near the former children's home"),
    ("PARENTS_RELATIVES", "With parent(s) or relative(s)"),
    ("SUPPORTED_LODGINGS", "Supported lodgings"),
    ("SEMI_INDEPENDENT", "Semi-independent or supported living"),
    ("TRAINER_FLAT", "Trainer flat"),
    ("SUPPORTED_HOUSING", "Supported housing with floating support"),
    ("FOYER", "Foyer"),
    ("HOSTEL", "Hostel"),
    ("SAFE_BASE", "Safe base or crash pad"),
    ("STUDENT", "Student accommodation"),
    ("INDEPENDENT_TENANCY", "Independent tenancy (council, housing association or private)"),
    ("HOUSING_COOP", "Housing co-operative tenancy"),
    ("HMO", "House in multiple occupation"),
    ("LODGINGS", "Ordinary lodgings without formal support"),
    ("EMERGENCY", "Emergency accommodation or night shelter"),
    ("BED_AND_BREAKFAST", "Bed and breakfast"),
    ("CUSTODY", "In custody"),
    ("NO_FIXED_ABODE", "No fixed abode / homeless"),
    ("ABROAD", "Gone abroad"),
    ("DEPORTED", "Deported"),
    ("NOT_KNOWN", "Residence not known"),
    ("OTHER", "Other accommodation"),
)
ACCOMMODATION_TO_ACCOM_LETTER = {
    "FOSTER": "Z",  # with (former) foster carers
    "RESIDENTIAL": "C",
    "STAYING_PUT": "Z",
    "STAYING_CLOSE": "D",
    "PARENTS_RELATIVES": "B",
    "SUPPORTED_LODGINGS": "E",
    "SEMI_INDEPENDENT": "D",
    "TRAINER_FLAT": "D",
    "SUPPORTED_HOUSING": "D",
    "FOYER": "T",
    "HOSTEL": "D",
    "SAFE_BASE": "V",
    "STUDENT": "U",
    "INDEPENDENT_TENANCY": "U",
    "HOUSING_COOP": "U",
    "HMO": "K",
    "LODGINGS": "K",
    "EMERGENCY": "V",
    "BED_AND_BREAKFAST": "W",
    "CUSTODY": "X",
    "NO_FIXED_ABODE": "S",
    "ABROAD": "G",
    "DEPORTED": "H",
    "NOT_KNOWN": "R",
    "OTHER": "Y",
}
# Types the 903 only allows as unsuitable (S2, X2); B&B is never suitable for a 16/17-year-old
# (statutory guidance, 000 L1330) and is treated as unsuitable throughout.
ALWAYS_UNSUITABLE_ACCOMMODATION = ("NO_FIXED_ABODE", "CUSTODY", "BED_AND_BREAKFAST")

# Education, employment and training: the OC3 activities, with "not known" for the
# "known but next step unknown" status in Durham's report (002-notes "EET status").
EET_ACTIVITY = _list(
    "EET activity",
    ("HE_FT", "Full time in higher education"),
    ("HE_PT", "Part time in higher education"),
    ("FE_FT", "Full time in education other than higher education"),
    ("FE_PT", "Part time in education other than higher education"),
    ("APPRENTICE_FT", "Full time in an apprenticeship"),
    ("APPRENTICE_PT", "Part time in an apprenticeship"),
    ("EMPLOYMENT_FT", "Full time in training or employment"),
    ("EMPLOYMENT_PT", "Part time in training or employment"),
    ("NEET", "Not in education, employment or training"),
    ("NOT_KNOWN", "Not known"),
)
EET_TO_ACTIV = {
    "HE_FT": "F1",
    "HE_PT": "P1",
    "FE_FT": "F2",
    "FE_PT": "P2",
    "APPRENTICE_FT": "F4",
    "APPRENTICE_PT": "P4",
    "EMPLOYMENT_FT": "F5",
    "EMPLOYMENT_PT": "P5",
}
NEET_REASON = _list(
    "NEET reason",
    ("ILLNESS_DISABILITY", "Illness or disability"),  # ACTIV G4
    ("PREGNANCY_PARENTING", "Pregnancy or parenting"),  # ACTIV G6
    ("HOUSING", "Housing difficulties"),  # EST "on hold" reasons, 000 L678
    ("POLICE_INVOLVEMENT", "Police involvement or custody"),
    ("NOT_READY", "Not yet ready to take part"),
    ("SEEKING", "Looking for work or a course"),
    ("OTHER", "Other circumstances"),
)
NEET_REASON_TO_ACTIV = {"ILLNESS_DISABILITY": "G4", "PREGNANCY_PARENTING": "G6"}  # others G5

CONTACT_KIND = _list(
    "Contact kind",
    ("VISIT", "Visit in person"),
    ("OFFICE", "Seen at the office"),
    ("PHONE", "Phone call"),
    ("VIDEO", "Video call"),
    ("MESSAGE", "Text, email or message"),
    ("ATTEMPTED", "Attempted contact, no response"),
)
SEEN_WHERE = _list(
    "Where seen",
    ("HOME", "Where they live"),
    ("OFFICE", "Council office"),
    ("COMMUNITY", "In the community"),
    ("EDUCATION", "School, college or work"),
    ("CUSTODY", "In custody"),
    ("NOT_SEEN", "Not seen in person"),
)

SUPPORT_REQUEST_OUTCOME = _list(
    "Support request outcome",
    ("PENDING", "Not yet decided"),
    ("ADVICE", "Advice and information given"),
    ("PA_ALLOCATED", "Personal adviser allocated"),
    ("ASSESSMENT", "Needs assessment started"),
    ("REFERRED", "Referred to another service"),
    ("DECLINED", "Support declined, with reasons"),
    ("WITHDRAWN", "Request withdrawn by the young person"),
)

ENTITLEMENT_KIND = _list(
    "Entitlement",
    ("LOCAL_OFFER_LEAFLET", "Local offer leaflet given"),
    ("SETTING_UP_HOME", "Setting-up-home allowance"),
    ("HE_BURSARY", "Higher education bursary"),
    ("FE_BURSARY", "Further education bursary"),
    ("APPRENTICESHIP_BURSARY", "Apprenticeship bursary"),
    ("LEISURE_PASS", "Leisure or discount card"),
    ("COUNCIL_TAX_EXEMPTION", "Council tax exemption"),
    ("DOCUMENTS", "Help with identity documents"),
    ("OTHER", "Other entitlement"),
)

# --- Workforce -------------------------------------------------------------------------

WORKER_ROLE = _list(
    "Worker role",
    ("SOCIAL_WORKER", "Social worker"),
    ("PERSONAL_ADVISER", "Personal adviser"),
    ("TEAM_MANAGER", "Team manager"),
    ("SERVICE_MANAGER", "Service manager"),
)
EXPERIENCE_BAND = _list(
    "Experience band",
    ("ASYE", "Assessed and supported year in employment"),
    ("Y1_3", "1 to 3 years"),
    ("Y3_5", "3 to 5 years"),
    ("Y5_PLUS", "5 years or more"),
)
ALLOCATION_ROLE = _list(
    "Allocation role",
    ("SOCIAL_WORKER", "Social worker"),
    ("PERSONAL_ADVISER", "Personal adviser"),
)
TEAM_KIND = _list(
    "Team kind",
    ("CHILDREN_IN_CARE", "Children in care"),
    ("LEAVING_CARE", "Leaving care"),
    ("PERMANENCE", "Permanence and adoption"),
    ("DISABILITY", "Disabled children"),
)
PROVIDER_KIND = _list(
    "Provider kind",
    ("FOSTERING", "Fostering service"),
    ("CHILDRENS_HOME", "Children's home"),
    ("SECURE_HOME", "Secure children's home"),
    ("SUPPORTED_ACCOMMODATION", "Supported accommodation"),
    ("RESIDENTIAL_SCHOOL", "Residential school"),
    ("ADOPTION_AGENCY", "Adoption agency"),
    ("HEALTH", "Health provision"),
    ("CUSTODY", "Young offender institution or prison"),
    ("OTHER", "Other"),
)

# Statutory tasks completed for a child that have no table of their own; each is a completion
# date the duty rules read (statutory-duties.md §3.A, §3.B, §3.C). Contacts, reviews, plans,
# assessments and allocations have their own tables.
DUTY_KIND = _list(
    "Statutory task",
    ("CARE_PLAN", "Care plan (or detention placement plan)"),
    ("PLACEMENT_PLAN", "Placement plan"),
    ("PLACEMENT_NOTICE", "Placement notified to those who must be told"),
    ("IRO_APPOINTED", "Independent reviewing officer appointed"),
    ("ADVOCACY_INFO", "Information about advocacy given"),
    ("HEALTH_ASSESSMENT_REQUEST", "Health assessment requested"),
    ("HEALTH_ASSESSMENT", "Health assessment"),
    ("SDQ", "Strengths and difficulties questionnaire"),
    ("DENTAL_CHECK", "Dental check"),
    ("HEALTH_PASSPORT", "Health passport given"),
    ("PEP", "Personal education plan meeting"),
    ("STAYING_PUT_DECISION", "Staying Put discussed and decided"),
    ("POST21_DISCUSSION", "Support after 21 discussed"),
    ("EXIT_EVALUATION", "Exit evaluation at 21"),
)
