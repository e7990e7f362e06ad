"""Forms for packs. Errors carry codes; what was typed is kept when a form is refused."""

from __future__ import annotations

import re

from django import forms

from hearth.domain.packs.period import PeriodError, parse_period
from hearth.domain.packs.questions import QuestionLibraryError, questions_get
from hearth.packs.models import Audience


class PackForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200,
                            error_messages={"required": "Enter a title for the pack"},
                            help_text="For example, Corporate parenting panel performance report")
    period = forms.CharField(label="Period", max_length=20,
                             error_messages={"required": "Enter the period the pack covers"},
                             help_text="A financial quarter like 2025-Q4 (1 January to 31 March 2026), "
                                       "a financial year like 2025-26, or a month like 2025-11")
    audience = forms.ChoiceField(label="Who is the pack for?", choices=Audience.choices, widget=forms.RadioSelect,
                                 error_messages={"required": "Choose who the pack is for"})
    work_programme_item = forms.CharField(label="Work programme item (optional)", max_length=200, required=False)
    questions = forms.CharField(
        label="Questions from the question library (optional)", required=False, max_length=400,
        help_text="The numbers the work programme item names, separated by commas, like 14, 30, 62. "
                  "Leave empty for a full pack covering every theme.")

    def clean_period(self):
        try:
            return parse_period(self.cleaned_data["period"])
        except PeriodError as error:
            raise forms.ValidationError(str(error), code="bad_period") from None

    def clean_questions(self):
        text = self.cleaned_data.get("questions", "").strip()
        if not text:
            return []
        parts = [p for p in re.split(r"[,\s]+", text) if p]
        if not all(p.isdigit() for p in parts):
            raise forms.ValidationError("Enter question numbers separated by commas, like 14, 30, 62",
                                        code="bad_questions")
        numbers = sorted({int(p) for p in parts})
        try:
            questions_get(numbers)
        except QuestionLibraryError as error:
            raise forms.ValidationError(f"There is {str(error)[0].lower()}{str(error)[1:]}",
                                        code="unknown_question") from None
        return numbers


class CommentaryForm(forms.Form):
    text = forms.CharField(label="Commentary", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 8}),
                           help_text="What the figure shows, why it has moved, and what is being done. "
                                     "Do not name or describe any child. Leave empty to remove the commentary.")

    def clean_text(self):
        return self.cleaned_data.get("text", "").strip()
