"""Which findings a change introduces: a rule (on a table) the child already broke does not count."""

from hearth.domain.ssda903_rules.engine import Finding
from hearth.returns.ssda903.single import Checked, introduced, key


def finding(code: str, table: str = "episodes", row: int = 1) -> Finding:
    return Finding(code, table, row, "C1", ("DEC",), "error", f"message {code}")


def test_a_rule_broken_before_the_change_is_not_introduced_even_on_another_row() -> None:
    before = [finding("218", row=1)]
    after = [finding("218", row=1), finding("218", row=2), finding("460", row=2)]
    assert [(f.code, f.row) for f in introduced(before, after)] == [("460", 2)]


def test_the_same_rule_on_another_table_is_new() -> None:
    assert [key(f) for f in introduced([finding("1012", "missing")], [finding("1012", "reviews")])] == [
        "1012:reviews"]


def test_nothing_after_means_nothing_introduced() -> None:
    assert introduced([finding("218")], []) == []


def test_the_warning_lists_each_rule_once_with_the_dfe_table_name() -> None:
    checked = Checked(None, [finding("460", row=1), finding("460", row=2), finding("218", "episodes")], stored=False)
    assert checked.warnings == [("460", "Episodes", "message 460"), ("218", "Episodes", "message 218")]
    assert checked.keys == ["218:episodes", "460:episodes"]
