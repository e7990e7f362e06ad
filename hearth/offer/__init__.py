"""The local offer for care leavers, and the young person's own pages."""
