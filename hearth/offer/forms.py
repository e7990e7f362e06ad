"""Forms for the offer pages and the young person's own pages."""

from __future__ import annotations

from django import forms

from hearth.domain.offer import Circumstance
from hearth.govuk_forms import UKDateField, YesNoField


class WhatAppliesForm(forms.Form):
    age = forms.IntegerField(label="How old are you?", min_value=0, max_value=120,
                             widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
                             error_messages={"required": "Enter your age", "invalid": "Enter your age as a number, like 19",
                                             "min_value": "Enter your age as a number, like 19",
                                             "max_value": "Enter your age as a number, like 19"})
    in_care_now = YesNoField(label="Are you in care now?")
    thirteen_weeks = YesNoField(label="Were you in care for 13 weeks or more in total after your 14th birthday?",
                                help_text="The weeks do not need to be in one go.")
    after_16 = YesNoField(label="Were you in care on or after your 16th birthday?")
    circumstances = forms.MultipleChoiceField(
        label="Which of these are true for you?", required=False, help_text="Select all that apply.",
        choices=[(c.value, c.question) for c in Circumstance], widget=forms.CheckboxSelectMultiple,
    )


class SupportAskForm(forms.Form):
    message = forms.CharField(label="What do you need help with?", max_length=2000, widget=forms.Textarea(attrs={"rows": 5}),
                              help_text="For example: money, somewhere to live, college, how you are feeling.",
                              error_messages={"required": "Tell us what you need help with"})


class WellbeingForm(forms.Form):
    feels_safe = YesNoField(label="Do you feel safe where you live?")
    someone_to_talk_to = YesNoField(label="Do you have someone you can talk to when things are hard?")
    happy_with_home = YesNoField(label="Are you happy with where you live?")
    managing_money = YesNoField(label="Are you managing with money?")
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("feels_safe", "someone_to_talk_to", "happy_with_home", "managing_money"):
            self.fields[name].error_messages["required"] = f"Select yes or no: {self.fields[name].label[0].lower()}{self.fields[name].label[1:]}"

    anything_else = forms.CharField(label="Is there anything else you want to tell us? (optional)", required=False,
                                    max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))


class FeedbackForm(forms.Form):
    entitlement_key = forms.ChoiceField(label="Which part of the offer is this about?",
                                        error_messages={"required": "Choose a part of the offer"})
    comment = forms.CharField(label="What do you think?", max_length=2000, widget=forms.Textarea(attrs={"rows": 5}),
                              error_messages={"required": "Tell us what you think"})

    def __init__(self, *args, entitlements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entitlement_key"].choices = [("", "Choose")] + [(e.key, e.title) for e in entitlements]


class SetPasswordForm(forms.Form):
    password = forms.CharField(label="Choose a password", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                               help_text="At least 10 characters. A few words together are easy to remember.",
                               error_messages={"required": "Enter a password"})
    password_again = forms.CharField(label="Type it again", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                                     error_messages={"required": "Type your password again"})

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("password_again") and data["password"] != data["password_again"]:
            self.add_error("password_again", "The passwords do not match")
        return data


class StartWithCodeForm(SetPasswordForm):
    code = forms.CharField(label="Your code", max_length=20, help_text="Your personal adviser gave you this. For example, K7PQ-3MXD",
                           error_messages={"required": "Enter the code your personal adviser gave you"})
    dob = UKDateField(label="Date of birth", help_text="For example, 27 3 2005")
    field_order = ["code", "dob", "password", "password_again"]


class InviteForm(forms.Form):
    email = forms.EmailField(label="Their email address (optional)", required=False,
                             help_text="We send them a link. Without an email, give them the code shown next.",
                             error_messages={"invalid": "Enter an email address like name@example.com"})


class FeedbackResponseForm(forms.Form):
    response = forms.CharField(label="What we did", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                               error_messages={"required": "Say what was done"})
