"""The SSDA903 return in Hearth: validate (and, to come, import and export) — ssda903.md."""
