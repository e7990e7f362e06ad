"""Review rules (ssda903.md §1.6 Reviews, §2.11)."""

from __future__ import annotations

from hearth.domain.ssda903_rules.codelists import REVIEW_CODE, sql_list
from hearth.domain.ssda903_rules.rule import valid_date, where

RULES = [
    valid_date("166", "reviews", "REVIEW", "A review needs a valid review date.", required=True),
    where("167", "reviews", f"REVIEW__txt IS NOT NULL AND (REVIEW_CODE IS NULL OR REVIEW_CODE NOT IN {sql_list(REVIEW_CODE)})",
          "REVIEW REVIEW_CODE", "A review needs a participation code PN0-PN7."),
    where("440", "reviews", "REVIEW_CODE = 'PN0' AND REVIEW > bday(DOB, 4)", "REVIEW_CODE REVIEW DOB",
          "PN0 cannot be used once the child is over 4."),
    where("441", "reviews", "REVIEW_CODE IN ('PN1','PN2','PN3','PN4','PN5','PN6','PN7') AND REVIEW < bday(DOB, 4)",
          "REVIEW_CODE REVIEW DOB", "PN1-PN7 cannot be used before the child's 4th birthday."),
]
