"""Hearth's performance indicators as data (kpis.md): what each KPI is, its bands, its checks.

Pure Python, no Django and no clock. The engine that computes them is `hearth.analytics`.
"""
