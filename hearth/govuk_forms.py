"""The one place GOV.UK Frontend form markup is produced (style.md 11).

Forms render through this renderer: each field as a GOV.UK form group with its label, hint and
error message, and the form with an error summary that lists every problem and links to it.
"""

from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    # TemplatesSetting uses the project's templates, so hearth/templates/django/forms/widgets/
    # overrides Django's widget markup with GOV.UK's.
    form_template_name = "govuk/form.html"
    field_template_name = "govuk/field.html"
