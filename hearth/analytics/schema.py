"""The snapshot's tables: the record in the 903's shape plus the leaving-care records, pseudonymised.

No names, addresses or postcodes. `child_key` is the record's internal id (or the 903 CHILD id when
the snapshot comes from files); it links a counted child back to the record only for those
allowed to see it. Column names are lower case; dates are DATE.
"""

from __future__ import annotations

TABLES: dict[str, str] = {
    "child": "child_key VARCHAR, sex VARCHAR, dob DATE, ethnic VARCHAR, uasc BOOLEAN, duc DATE, died DATE, mother BOOLEAN",
    "episode": (
        "child_key VARCHAR, decom DATE, dec DATE, rne VARCHAR, ls VARCHAR, cin VARCHAR, place VARCHAR, "
        "place_provider VARCHAR, rec VARCHAR, reason_place_change VARCHAR, out_of_area BOOLEAN"
    ),
    "review": "child_key VARCHAR, review DATE, review_code VARCHAR",
    "missing": "child_key VARCHAR, missing VARCHAR, mis_start DATE, mis_end DATE, ri_offered BOOLEAN, ri_taken BOOLEAN",
    "oc2": (
        "child_key VARCHAR, year INTEGER, sdq_score INTEGER, convicted BOOLEAN, health_check BOOLEAN, "
        "immunisations BOOLEAN, teeth_check BOOLEAN, health_assessment BOOLEAN, substance_misuse BOOLEAN"
    ),
    "oc3": "child_key VARCHAR, year INTEGER, in_touch VARCHAR, activ VARCHAR, accom VARCHAR",
    "ad1": "child_key VARCHAR, date_int DATE, date_match DATE, foster_care BOOLEAN",
    "placed_adoption": "child_key VARCHAR, date_placed DATE, date_placed_ceased DATE",
    "sw_episode": "child_key VARCHAR, sw_id VARCHAR, sw_decom DATE, sw_dec DATE",
    # Leaving care (kept by Hearth, not in the 903).
    "lc_status": "child_key VARCHAR, start DATE, \"end\" DATE, category VARCHAR, tier VARCHAR",
    "lc_contact": "child_key VARCHAR, date DATE, kind VARCHAR, seen_where VARCHAR",
    "lc_accommodation": "child_key VARCHAR, start DATE, \"end\" DATE, type VARCHAR, suitable BOOLEAN",
    "lc_activity": "child_key VARCHAR, start DATE, \"end\" DATE, activity VARCHAR, neet_reason VARCHAR",
    "lc_pathway_plan": "child_key VARCHAR, agreed_on DATE",
    "lc_plan_review": "child_key VARCHAR, reviewed_on DATE",
    "lc_staying_put": "child_key VARCHAR, start DATE, \"end\" DATE, weekly_allowance DOUBLE",
    "lc_support_request": "child_key VARCHAR, received_on DATE, outcome VARCHAR",
    "lc_entitlement": "child_key VARCHAR, given_on DATE, kind VARCHAR",
    "duty": "child_key VARCHAR, duty VARCHAR, completed_on DATE",
    # Workforce and the statutory-deadline rules' verdicts.
    "worker": "worker_key VARCHAR, role VARCHAR, experience_band VARCHAR, team VARCHAR, locality VARCHAR",
    "allocation": "child_key VARCHAR, worker_key VARCHAR, role VARCHAR, start DATE, \"end\" DATE",
    "obligation": "child_key VARCHAR, rule_id VARCHAR, legal_due DATE, completed_on DATE, status VARCHAR",
}

# Tables only the record has: a snapshot made from 903 files leaves them empty, and the KPIs
# that need them say "no data" rather than 0.
RECORD_ONLY = tuple(t for t in TABLES if t.startswith("lc_") or t in ("duty", "worker", "allocation", "obligation"))


def columns(table: str) -> list[str]:
    return [part.split()[0].strip('"') for part in TABLES[table].split(", ")]


def create_sql(table: str) -> str:
    return f"CREATE TABLE {table} ({TABLES[table]})"
