"""The DfE's SSDA903 validation rules over columnar tables (ssda903.md §5, §6).

Pure: no Django. `load` reads a return into typed DuckDB tables, `engine` runs the registered
rules for a collection year, `rules/` holds one module per table family.
"""
