"""The performance engine: snapshots of the record that DuckDB reads, and every KPI computed from them."""
