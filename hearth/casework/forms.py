"""Recording forms. Each collects what one service needs; the rules live in the services and the
record's constraints, whose messages come back to the form's error summary."""

from __future__ import annotations

from django import forms

from hearth.domain import codes
from hearth.govuk_forms import GovukCheckbox, UKDateField, YesNoField, code_choice
from hearth.records.models import Worker


def _worker_choice(label: str, roles: tuple[str, ...]) -> forms.ModelChoiceField:
    field = forms.ModelChoiceField(
        label=label, queryset=Worker.objects.filter(active=True, role__in=roles).order_by("name"), empty_label="Choose"
    )
    field.error_messages["required"] = f"Select the {label.lower()}"
    return field


class ContactForm(forms.Form):
    date = UKDateField(label="Date of contact", help_text="For example, 27 3 2025")
    kind = code_choice(codes.CONTACT_KIND, label="Kind of contact")
    seen_where = code_choice(codes.SEEN_WHERE, label="Where they were seen")
    follows_move = YesNoField(label="Was this after a move to new accommodation?")
    note = forms.CharField(label="Note (optional)", required=False, widget=forms.Textarea(attrs={"rows": 5}),
                           help_text="What you talked about and anything you agreed")
    restricted = forms.BooleanField(
        label="Sharing with the young person", required=False,
        widget=GovukCheckbox(text="Do not show this contact or its note to the young person"),
        help_text="Young people can see their contacts and notes on their own pages. Tick the box if the note has "
                  "information about someone else or about keeping them safe.",
    )


class AccommodationForm(forms.Form):
    start = UKDateField(label="Date they moved in")
    accommodation_type = code_choice(codes.ACCOMMODATION_TYPE, label="Type of accommodation")
    suitable = YesNoField(label="Is it suitable?", help_text="Safe, secure and affordable. Bed and breakfast is never suitable.")


class EETForm(forms.Form):
    start = UKDateField(label="Date this started")
    activity = code_choice(codes.EET_ACTIVITY, label="Main activity")
    neet_reason = code_choice(codes.NEET_REASON, label="Reason not in education, employment or training",
                              required=False, help_text="Only if not in education, employment or training")

    def clean(self):
        data = super().clean()
        if data.get("activity") == "NEET" and not data.get("neet_reason"):
            self.add_error("neet_reason", "Select the reason they are not in education, employment or training")
        if data.get("activity") not in (None, "NEET") and data.get("neet_reason"):
            self.add_error("neet_reason", "Only give a reason when they are not in education, employment or training")
        return data


class NeedsAssessmentForm(forms.Form):
    completed_on = UKDateField(label="Date the needs assessment was completed")


class PlanActionFields(forms.Form):
    """Up to one action per save keeps the form short; more actions are added by reviews."""

    action = forms.CharField(label="Action (optional)", required=False, max_length=300,
                             help_text="A clear, specific action, for example 'Open a bank account'")
    owner = forms.CharField(label="Who will do it", required=False, max_length=100)
    due_on = UKDateField(label="Action due date", required=False)

    def clean(self):
        data = super().clean()
        if data.get("action"):
            if not data.get("owner"):
                self.add_error("owner", "Enter who will do the action")
            if not data.get("due_on"):
                self.add_error("due_on", "Enter the action due date")
        return data


class PathwayPlanForm(PlanActionFields):
    agreed_on = UKDateField(label="Date the pathway plan was agreed")
    field_order = ["agreed_on", "action", "owner", "due_on"]


class PathwayPlanReviewForm(PlanActionFields):
    reviewed_on = UKDateField(label="Date of the review")
    field_order = ["reviewed_on", "action", "owner", "due_on"]


class AllocationForm(forms.Form):
    worker = _worker_choice("Personal adviser", ("PERSONAL_ADVISER",))
    start = UKDateField(label="Date allocated")


class PeriodOfCareForm(forms.Form):
    decom = UKDateField(label="Date they started to be looked after")
    ls = code_choice(codes.LS, label="Legal status")
    cin = code_choice(codes.CIN, label="Category of need")
    place = code_choice(codes.PLACE, label="Placement type")
    place_provider = code_choice(codes.PLACE_PROVIDER, label="Placement provider", required=False,
                                 help_text="Leave blank for temporary placements (T0 to T4) and other placements")


class EpisodeChangeForm(forms.Form):
    on = UKDateField(label="Date of the change")
    ls = code_choice(codes.LS, label="Legal status from this date")
    place = code_choice(codes.PLACE, label="Placement type from this date")
    place_provider = code_choice(codes.PLACE_PROVIDER, label="Placement provider", required=False)
    carer_changed = YesNoField(label="Did the carer change?")
    reason_place_change = code_choice(codes.REASON_PLACE_CHANGE, label="Reason for placement change", required=False)


class CareLeaveForm(forms.Form):
    on = UKDateField(label="Date they stopped being looked after")
    rec = forms.ChoiceField(
        label="Reason", choices=[("", "Choose")] + [(c.code, c.label) for c in codes.REC if c.code != "X1"]
    )


class StayingPutStartForm(forms.Form):
    start = UKDateField(label="Date Staying Put started")
    carer = forms.CharField(label="Former foster carer", max_length=150)
    weekly_allowance = forms.DecimalField(label="Weekly allowance (£)", required=False, min_value=0, decimal_places=2)


class StayingPutEndForm(forms.Form):
    end = UKDateField(label="Date Staying Put ended")


class SupportRequestForm(forms.Form):
    received_on = UKDateField(label="Date they asked")
    request = forms.CharField(label="What they asked for", widget=forms.Textarea(attrs={"rows": 4}))


class SupportOutcomeForm(forms.Form):
    outcome = code_choice(codes.SUPPORT_REQUEST_OUTCOME, label="Outcome")
    outcome_on = UKDateField(label="Date of the outcome")
