"""The form for a KPI's band scheme: explicit bounds, each end included or not (kpis.md §3.3)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django import forms

from hearth.analytics.models import BandSchemeVersion
from hearth.domain.kpis.bands import FOUR_BANDS, Band, BandScheme, errors
from hearth.govuk_forms import UKDateField

BAND_ROWS = 6
ENDS = [("in", "Included"), ("out", "Excluded")]
IF_DEFECTIVE = [("refuse", "Do not save: show me the problems"), ("defective", "Save it, marked as defective")]


def _number(label: str, *, required: bool = False, help_text: str = "") -> forms.DecimalField:
    field = forms.DecimalField(label=label, required=required, help_text=help_text, max_digits=12, decimal_places=4,
                               widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}))
    what = label[0].lower() + label[1:]
    field.error_messages.update({
        "required": f"Enter the {what}", "invalid": f"Enter the {what} as a number, like 85 or 99.5",
        "max_digits": f"The {what} is too long", "max_decimal_places": f"The {what} can have at most 4 decimal places",
        "max_whole_digits": f"The {what} is too large",
    })
    return field


class BandSchemeForm(forms.Form):
    scheme_id = forms.CharField(label="Scheme name", max_length=60, help_text="For example LCC-IB-2016-CL-L04")
    approved_by = forms.CharField(label="Approved by", max_length=300,
                                  help_text="Who agreed these bands, and any reading of the source wording")
    effective_from = UKDateField(label="Date the bands apply from", help_text="For example, 1 4 2026")
    effective_to = UKDateField(label="Date the bands stop applying (optional)", required=False,
                               help_text="The first day they no longer apply. Leave empty if open-ended")
    polarity = forms.ChoiceField(label="Which way is better?", choices=[("up", "Higher is better"), ("down", "Lower is better")],
                                 widget=forms.RadioSelect(attrs={"inline": True}))
    domain_min = _number("Lowest possible value", required=True)
    domain_max = _number("Highest possible value", help_text="100 for a percentage. Leave empty for no maximum, as for caseloads")
    precision = forms.IntegerField(label="Decimal places", min_value=0, max_value=4,
                                   help_text="Values are rounded to this before banding, as they are printed",
                                   widget=forms.TextInput(attrs={"class": "govuk-input--width-2", "inputmode": "numeric"}))
    if_defective = forms.ChoiceField(label="If the bands have gaps or overlaps", choices=IF_DEFECTIVE, initial="refuse",
                                     widget=forms.RadioSelect)

    field_order = ["scheme_id", "approved_by", "effective_from", "effective_to", "polarity", "domain_min", "domain_max", "precision"]

    def __init__(self, *args, kpi_id: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kpi_id = kpi_id
        self.fields["precision"].error_messages.update({
            "required": "Enter the number of decimal places", "invalid": "Enter the decimal places as a whole number, like 1",
            "min_value": "Decimal places must be 0 or more", "max_value": "Decimal places must be 4 or fewer",
        })
        self.fields["polarity"].error_messages["required"] = "Select which way is better"
        self.fields["scheme_id"].error_messages["required"] = "Enter the scheme name"
        self.fields["approved_by"].error_messages["required"] = "Say who approved the bands"
        self.fields["if_defective"].required = False
        for i in range(1, BAND_ROWS + 1):
            where = " (worst)" if i == 1 else ""
            self.fields[f"band_{i}_label"] = forms.CharField(
                label=f"Band {i}{where}: name", required=False, max_length=60,
                help_text="List bands from worst to best. Leave the name empty to leave the row out" if i == 1 else "")
            self.fields[f"band_{i}_lower"] = _number(f"Band {i}: from", help_text="Leave empty for no lower limit")
            self.fields[f"band_{i}_lower_incl"] = forms.ChoiceField(label=f"Band {i}: is the 'from' value in the band?", choices=ENDS, required=False)
            self.fields[f"band_{i}_upper"] = _number(f"Band {i}: to", help_text="Leave empty for no upper limit")
            self.fields[f"band_{i}_upper_incl"] = forms.ChoiceField(label=f"Band {i}: is the 'to' value in the band?", choices=ENDS, required=False)
        self.order_fields(self.field_order + [f for f in self.fields if f.startswith("band_")] + ["if_defective"])

    def clean(self):
        data = super().clean()
        if data.get("effective_from") and data.get("effective_to") and data["effective_to"] <= data["effective_from"]:
            self.add_error("effective_to", forms.ValidationError("The date the bands stop applying must be after the date they apply from", code="ends_before_start"))
        bands = []
        for i in range(1, BAND_ROWS + 1):
            label = (data.get(f"band_{i}_label") or "").strip()
            bounds = [data.get(f"band_{i}_lower"), data.get(f"band_{i}_upper")]
            if not label:
                if any(b is not None for b in bounds):
                    self.add_error(f"band_{i}_label", forms.ValidationError(f"Enter a name for band {i}, or clear its values", code="band_label_required"))
                continue
            lower, upper = bounds
            bands.append(Band(label, lower, data.get(f"band_{i}_lower_incl", "in") != "out",
                              upper, data.get(f"band_{i}_upper_incl", "in") != "out"))
        if not bands:
            self.add_error("band_1_label", forms.ValidationError("Enter at least one band", code="no_bands"))
        if len({b.label for b in bands}) != len(bands):
            self.add_error("band_1_label", forms.ValidationError("Give each band a different name", code="duplicate_band_label"))
        data["bands"] = tuple(bands)
        return data

    def scheme(self) -> BandScheme:
        data = self.cleaned_data
        return BandScheme(
            id=data["scheme_id"].strip(), kpi_id=self.kpi_id, version=0, effective_from=data["effective_from"],
            effective_to=data.get("effective_to"), approved_by=data["approved_by"].strip(), polarity=data["polarity"],
            domain_min=Decimal(data["domain_min"]), domain_max=None if data.get("domain_max") is None else Decimal(data["domain_max"]),
            precision=data["precision"], bands=data["bands"],
        )

    def defects(self):
        return errors(self.scheme())


def initial_for(kpi, latest: BandSchemeVersion | None, *, today: date) -> dict:
    """Start from the latest version; with none, from the KPI's polarity and precision and four empty bands."""
    if latest is not None:
        initial = {
            "scheme_id": latest.scheme_id, "approved_by": latest.approved_by, "effective_from": today,
            "polarity": latest.polarity, "domain_min": latest.domain_min, "domain_max": latest.domain_max,
            "precision": latest.precision,
        }
        for i, band in enumerate(latest.bands, start=1):
            initial.update({
                f"band_{i}_label": band["label"], f"band_{i}_lower": band["lower"], f"band_{i}_upper": band["upper"],
                f"band_{i}_lower_incl": "in" if band["lower_incl"] else "out",
                f"band_{i}_upper_incl": "in" if band["upper_incl"] else "out",
            })
        return initial
    polarity = kpi.polarity if kpi is not None and kpi.polarity in ("up", "down") else "up"
    initial = {"scheme_id": f"{kpi.id if kpi else ''}-bands", "effective_from": today, "polarity": polarity,
               "domain_min": 0, "domain_max": 100 if kpi is None or kpi.unit == "percent" else None,
               "precision": kpi.precision if kpi is not None else 1}
    for i, label in enumerate(FOUR_BANDS, start=1):
        initial[f"band_{i}_label"] = label
    return initial
