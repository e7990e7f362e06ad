"""The SVG trend chart (hearth/analytics/charts.py)."""

from datetime import date

from hearth.analytics.charts import line_chart

MONTHS = [date(2025, m, 28) for m in range(1, 7)]


def test_a_month_without_a_figure_breaks_the_line_rather_than_dropping_to_zero():
    svg = line_chart(list(zip(MONTHS, [50.0, 52.0, None, 55.0, 56.0, 57.0], strict=True)), unit="percent", title="X")
    assert svg.count("<polyline") == 2 and svg.count("<circle") == 5
    assert 'aria-label="X: line chart of the figures in the table beside it"' in svg


def test_percentages_stay_on_their_scale_and_are_labelled():
    svg = line_chart(list(zip(MONTHS, [96.0, 97.0, 98.0, 99.0, 100.0, 99.5], strict=True)), unit="percent", title="X")
    assert ">100%<" in svg and ">110%<" not in svg


def test_negative_changes_are_drawn_below_zero():
    svg = line_chart(list(zip(MONTHS, [-3.0, -1.0, 2.0, 4.0, 1.0, -2.0], strict=True)), unit="percent", title="X")
    assert ">-4%<" in svg and ">4%<" in svg


def test_no_figures_at_all_says_so():
    svg = line_chart(list(zip(MONTHS, [None] * 6, strict=True)), unit="count", title="Children <&> care")
    assert "No figures to chart" in svg and "Children &lt;&amp;&gt; care" in svg
