"""Episodes of care and the other 903 tables about time in care."""

from __future__ import annotations

from django.db import models

from hearth.domain import codes
from hearth.records.models.constraints import CodeField, check, code_in, ends_after


class Episode(models.Model):
    """An episode of care: a stretch with the same legal status and placement (903 Episodes)."""

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="episodes")
    decom = models.DateField("Date episode commenced (DECOM)")
    rne = CodeField("Reason for new episode (RNE)", max_length=1, codes=codes.RNE)
    ls = CodeField("Legal status (LS)", max_length=2, codes=codes.LS)
    cin = CodeField("Category of need (CIN)", max_length=2, codes=codes.CIN)
    place = CodeField("Placement type (PLACE)", max_length=3, codes=codes.PLACE)
    place_provider = CodeField(
        "Placement provider (PLACE_PROVIDER)", max_length=3, blank=True, codes=codes.PLACE_PROVIDER
    )
    provider = models.ForeignKey(
        "records.Provider", null=True, blank=True, on_delete=models.PROTECT, related_name="episodes"
    )
    home_post = models.CharField("Home postcode (HOME_POST)", max_length=8, blank=True)
    pl_post = models.CharField("Placement postcode (PL_POST)", max_length=8, blank=True)
    pl_la = models.CharField("Placement LA (PL_LA)", max_length=3, blank=True)
    urn = models.CharField("Ofsted URN (URN)", max_length=8, blank=True)
    dec = models.DateField("Date episode ceased (DEC)", null=True, blank=True)
    rec = CodeField("Reason episode ceased (REC)", max_length=3, blank=True, codes=codes.REC)
    reason_place_change = CodeField(
        "Reason for placement change (REASON_PLACE_CHANGE)",
        max_length=6, blank=True, codes=codes.REASON_PLACE_CHANGE,
    )

    class Meta:
        ordering = ["child", "decom"]
        indexes = [models.Index(fields=["child", "decom"]), models.Index(fields=["decom", "dec"])]
        constraints = [
            code_in("rne", codes.RNE, "Reason for new episode"),
            code_in("ls", codes.LS, "Legal status"),
            code_in("cin", codes.CIN, "Category of need"),
            code_in("place", codes.PLACE, "Placement type"),
            code_in("place_provider", codes.PLACE_PROVIDER, "Placement provider", optional=True),
            code_in("rec", codes.REC, "Reason episode ceased", optional=True),
            code_in("reason_place_change", codes.REASON_PLACE_CHANGE, "Reason for placement change", optional=True),
            ends_after("decom", "dec", "episode", same_day=False),
            check(
                models.Q(dec__isnull=True, rec="") | (models.Q(dec__isnull=False) & ~models.Q(rec="")),
                "rec_with_dec",
                "Give the reason the episode ceased exactly when it has an end date, and not otherwise.",
            ),
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(dec__isnull=True),
                name="records_episode_one_open_per_child",
                violation_error_message=(
                    "This child already has an open episode of care. End it before starting another."
                ),
            ),
        ]


class Review(models.Model):
    """A statutory looked-after review (903 Reviews)."""

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="reviews")
    review = models.DateField("Date of review (REVIEW)")
    review_code = CodeField("Participation (REVIEW_CODE)", max_length=3, codes=codes.REVIEW_CODE)

    class Meta:
        ordering = ["child", "review"]
        constraints = [code_in("review_code", codes.REVIEW_CODE, "Participation in review")]


class MissingEpisode(models.Model):
    """Missing from care, or away without authorisation (903 Missing), and the return interview."""

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="missing_episodes")
    missing = CodeField("Missing or away (MISSING)", max_length=1, codes=codes.MISSING)
    mis_start = models.DateField("Start (MIS_START)")
    mis_end = models.DateField("End (MIS_END)", null=True, blank=True)
    return_interview_offered = models.BooleanField(null=True, blank=True)
    return_interview_taken = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["child", "mis_start"]
        constraints = [
            code_in("missing", codes.MISSING, "Missing or away"),
            ends_after("mis_start", "mis_end", "missing episode"),
            check(
                models.Q(return_interview_taken__isnull=True)
                | models.Q(return_interview_taken=False)
                | models.Q(return_interview_offered=True),
                "interview_taken_needs_offer",
                "A return interview can only be taken if it was offered.",
            ),
        ]


class AnnualOutcome(models.Model):
    """Outcomes for a child looked after for 12 months at 31 March of a collection year (903 OC2)."""

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="annual_outcomes")
    year = models.PositiveSmallIntegerField("Collection year", help_text="Named by the March it ends in.")
    sdq_score = models.PositiveSmallIntegerField("SDQ score (SDQ_SCORE)", null=True, blank=True)
    sdq_reason = CodeField("No SDQ reason (SDQ_REASON)", max_length=4, blank=True, codes=codes.SDQ_REASON)
    convicted = models.BooleanField("Convicted (CONVICTED)", null=True, blank=True)
    health_check = models.BooleanField("Health check up to date (HEALTH_CHECK)", null=True, blank=True)
    immunisations = models.BooleanField("Immunisations up to date (IMMUNISATIONS)", null=True, blank=True)
    teeth_check = models.BooleanField("Dental check up to date (TEETH_CHECK)", null=True, blank=True)
    health_assessment = models.BooleanField("Health assessment up to date (HEALTH_ASSESSMENT)", null=True, blank=True)
    substance_misuse = models.BooleanField("Substance misuse (SUBSTANCE_MISUSE)", null=True, blank=True)
    intervention_received = models.BooleanField("Intervention received (INTERVENTION_RECEIVED)", null=True, blank=True)
    intervention_offered = models.BooleanField("Intervention offered (INTERVENTION_OFFERED)", null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["child", "year"], name="records_annualoutcome_one_per_year",
                violation_error_message="This child already has outcomes recorded for that year.",
            ),
            code_in("sdq_reason", codes.SDQ_REASON, "Reason for no SDQ score", optional=True),
            check(
                models.Q(sdq_score__isnull=True) | models.Q(sdq_score__lte=40),
                "sdq_score_range",
                "An SDQ score is a whole number from 0 to 40.",
            ),
            check(
                models.Q(sdq_score__isnull=True) | models.Q(sdq_reason=""),
                "sdq_score_or_reason",
                "Give an SDQ score or a reason there is none, not both.",
            ),
        ]


class CareLeaverBirthday(models.Model):
    """What was known around a care leaver's birthday, or at contact for 22-25s (903 OC3)."""

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="birthday_records")
    year = models.PositiveSmallIntegerField("Collection year", help_text="Named by the March it ends in.")
    in_touch = CodeField("In touch (IN_TOUCH)", max_length=4, codes=codes.IN_TOUCH)
    activ = CodeField("Main activity (ACTIV)", max_length=2, codes=codes.ACTIV)
    accom = CodeField("Accommodation (ACCOM)", max_length=2, codes=codes.ACCOM)
    date_recorded = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["child", "year"], name="records_careleaverbirthday_one_per_year",
                violation_error_message="This young person already has birthday information for that year.",
            ),
            code_in("in_touch", codes.IN_TOUCH, "In touch"),
            code_in("activ", codes.ACTIV, "Main activity"),
            code_in("accom", codes.ACCOM, "Accommodation"),
        ]


class Adoption(models.Model):
    """A child adopted from care (903 AD1)."""

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="adoptions")
    date_int = models.DateField("Date of decision child should be placed (DATE_INT)")
    date_match = models.DateField("Date matched (DATE_MATCH)")
    foster_care = models.BooleanField("Adopted by foster carer(s) (FOSTER_CARE)")
    nb_adoptr = models.PositiveSmallIntegerField("Number of adopters (NB_ADOPTR)")
    sex_adoptr = CodeField("Sex of adopter(s) (SEX_ADOPTR)", max_length=2, codes=codes.ADOPTER_SEX)
    ls_adoptr = CodeField("Legal status of adopter(s) (LS_ADOPTR)", max_length=3, codes=codes.ADOPTER_LS)

    class Meta:
        constraints = [
            code_in("sex_adoptr", codes.ADOPTER_SEX, "Sex of adopter(s)"),
            code_in("ls_adoptr", codes.ADOPTER_LS, "Legal status of adopter(s)"),
            ends_after("date_int", "date_match", "adoption match"),
            check(models.Q(nb_adoptr__in=(1, 2)), "nb_adoptr_1_or_2", "The number of adopters is 1 or 2."),
        ]


class PlacedForAdoption(models.Model):
    """A decision that the child should be placed for adoption (903 PlacedAdoption)."""

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="adoption_decisions")
    date_placed = models.DateField("Date of decision (DATE_PLACED)")
    date_placed_ceased = models.DateField("Date decision reversed (DATE_PLACED_CEASED)", null=True, blank=True)
    reason_placed_ceased = CodeField(
        "Reason reversed (REASON_PLACED_CEASED)", max_length=3, blank=True, codes=codes.REASON_PLACED_CEASED
    )

    class Meta:
        constraints = [
            code_in("reason_placed_ceased", codes.REASON_PLACED_CEASED, "Reason the decision was reversed", optional=True),
            ends_after("date_placed", "date_placed_ceased", "adoption decision"),
            check(
                models.Q(date_placed_ceased__isnull=True, reason_placed_ceased="")
                | (models.Q(date_placed_ceased__isnull=False) & ~models.Q(reason_placed_ceased="")),
                "reason_with_ceased",
                "Give the reason a decision was reversed exactly when it has a reversal date.",
            ),
        ]


class PreviousPermanence(models.Model):
    """Whether a child starting a period of care had left care before through permanence (903 PrevPerm)."""

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="previous_permanence")
    period_start = models.DateField("Start of the period of care this was recorded for")
    prev_perm = CodeField("Previous permanence (PREV_PERM)", max_length=2, codes=codes.PREV_PERM)
    la_perm = models.CharField("LA that arranged it (LA_PERM)", max_length=3, blank=True)
    date_perm = models.CharField(
        "Date of the order (DATE_PERM)", max_length=10, blank=True,
        help_text="dd/mm/yyyy; unknown parts as zz or zzzz, e.g. zz/05/2020.",
    )

    class Meta:
        constraints = [code_in("prev_perm", codes.PREV_PERM, "Previous permanence")]


class DeprivationOfLiberty(models.Model):
    """A deprivation of liberty order (903 DoLo, from 2026/27)."""

    child = models.ForeignKey("records.Child", on_delete=models.CASCADE, related_name="dolos")
    dolo_start = models.DateField("Start (DOLO_START)")
    dolo_end = models.DateField("End (DOLO_END)", null=True, blank=True)

    class Meta:
        constraints = [ends_after("dolo_start", "dolo_end", "deprivation of liberty order")]
