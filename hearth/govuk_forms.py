"""The one place GOV.UK Frontend form markup is produced (style.md 11).

Forms render through this renderer: each field as a GOV.UK form group with its label, hint and
error message, and the form with an error summary that lists every problem and links to it.
Widgets' markup is overridden in hearth/templates/django/forms/widgets/.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    # TemplatesSetting uses the project's templates, so hearth/templates/django/forms/widgets/
    # overrides Django's widget markup with GOV.UK's.
    form_template_name = "govuk/form.html"
    field_template_name = "govuk/field.html"


class GovukDateInput(forms.MultiWidget):
    """Day, month and year boxes. What was typed is kept as typed when the date is wrong."""

    template_name = "govuk/date_input.html"
    use_fieldset = True

    def __init__(self, attrs=None):
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()], attrs)

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def id_for_label(self, id_):
        return f"{id_}_0" if id_ else id_


class UKDateField(forms.MultiValueField):
    """A date typed as day, month and year, with the GOV.UK pattern's error messages."""

    widget = GovukDateInput

    def __init__(self, *, label: str, **kwargs):
        self.what = label[0].lower() + label[1:]
        fields = [forms.CharField(required=False) for _ in range(3)]  # compress() says which part is missing
        super().__init__(fields, label=label, require_all_fields=False, **kwargs)
        self.error_messages["required"] = f"Enter the {self.what}"
        self.error_messages["incomplete"] = f"Enter the {self.what}"

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        missing = [name for name, part in (("day", day), ("month", month), ("year", year)) if not part]
        if missing:
            raise forms.ValidationError(
                f"The {self.what} must include a {' and '.join(missing)}", code="incomplete_date"
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise forms.ValidationError(
                f"The {self.what} must be a real date, like 27 3 2025", code="invalid_date"
            )
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError(
                f"The {self.what} must be a real date, like 27 3 2025", code="invalid_date"
            ) from None


class GovukCheckbox(forms.CheckboxInput):
    """One GOV.UK checkbox: the field's label is the fieldset's legend and `text` labels the box."""

    template_name = "govuk/checkbox.html"
    use_fieldset = True

    def __init__(self, *, text: str, attrs=None):
        super().__init__(attrs)
        self.text = text

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["text"] = self.text
        return context


class YesNoField(forms.TypedChoiceField):
    """A yes/no question as GOV.UK inline radios."""

    def __init__(self, *, label: str, **kwargs):
        super().__init__(
            label=label,
            choices=[("yes", "Yes"), ("no", "No")],
            coerce=lambda value: value == "yes",
            widget=forms.RadioSelect(attrs={"inline": True}),
            **kwargs,
        )
        self.error_messages["required"] = f"Select yes if {label[0].lower() + label[1:].rstrip('?')}"


def code_choice(codes, *, label: str, required: bool = True, **kwargs) -> forms.ChoiceField:
    """A select of codes from one of the lists in hearth.domain.codes."""
    field = forms.ChoiceField(
        label=label, choices=[("", "Choose")] + [(c.code, c.label) for c in codes], required=required, **kwargs
    )
    field.error_messages["required"] = f"Select the {label[0].lower() + label[1:]}"
    return field
