"""Django messages in GOV.UK dress (govuk/messages.html): success in the green success banner, a
problem in an error summary, anything else in the blue "Important" banner."""

import re

from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.template.loader import render_to_string


def render(*messages: Message) -> str:
    return render_to_string("govuk/messages.html", {"messages": list(messages)})


def blocks(html: str) -> list[str]:
    """The top-level components, in page order."""
    return re.findall(r'<div class="(govuk-[\w -]+)"', html)


def test_a_success_message_is_in_the_success_banner():
    html = render(Message(constants.SUCCESS, "Contact recorded"))
    assert blocks(html) == ["govuk-notification-banner govuk-notification-banner--success",
                            "govuk-notification-banner__header", "govuk-notification-banner__content"]
    assert 'role="alert"' in html
    assert re.search(r'<h2 class="govuk-notification-banner__title" id="([\w-]+)">Success</h2>', html)
    assert "Contact recorded" in html


def test_an_error_is_a_problem_not_a_success():
    html = render(Message(constants.ERROR, "The pack has no sections"))
    assert "govuk-notification-banner--success" not in html and "Success" not in html
    assert '<div class="govuk-error-summary" data-module="govuk-error-summary">' in html
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in html
    assert "<li>The pack has no sections</li>" in html
    assert '<div role="alert">' in html


def test_errors_come_first_and_each_kind_keeps_its_own_banner():
    html = render(Message(constants.SUCCESS, "Saved"), Message(constants.INFO, "The offer is due for review"),
                  Message(constants.ERROR, "Say what was done before saving"))
    assert html.index("There is a problem") < html.index("Success") < html.index("Important")
    info = html[html.index('<div class="govuk-notification-banner"'):]
    assert 'role="region"' in info and "govuk-notification-banner--success" not in info.split("</div>")[0]
    assert ">Important</h2>" in info and "The offer is due for review" in info
    ids = re.findall(r'id="(banner-title-[\w-]+)"', html)
    assert len(ids) == len(set(ids)) == 2
    for banner_id in ids:
        assert f'aria-labelledby="{banner_id}"' in html


def test_no_messages_render_nothing():
    assert render().strip() == ""


def test_a_page_showing_a_problem_says_so_first_in_its_title():
    def title(*messages: Message) -> str:
        html = render_to_string("govuk/base.html", {"messages": list(messages), "page_title": "Packs"})
        return re.search(r"<title>(.*)</title>", html).group(1)

    assert title(Message(constants.SUCCESS, "Saved")) == "Packs – Hearth"
    assert title(Message(constants.ERROR, "No sections"), Message(constants.ERROR, "No period"),
                 Message(constants.INFO, "Due for review")) == "Error: Packs – Hearth"
