"""903 rules, one module per table family. Each module exposes RULES: a list of `Rule`."""
