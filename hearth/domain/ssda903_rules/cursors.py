"""Work shared across a few DuckDB cursors: DuckDB runs most single queries of this size on one
thread, so two cursors taking jobs from one queue keep both cores busy."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

import duckdb


def each_on_cursors(
    con: duckdb.DuckDBPyConnection, order: Sequence[int], job: Callable[[duckdb.DuckDBPyConnection, int], None],
    workers: int,
) -> None:
    """Run job(cursor, i) for every i, taken in `order` from one queue by `workers` cursors of `con`.
    The first error stops the others taking more work and is raised on the caller's thread."""
    if workers <= 1 or not hasattr(con, "cursor"):
        for i in order:
            job(con, i)
        return
    queue = list(reversed(order))
    lock = threading.Lock()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            cur = con.cursor()
        except BaseException as exc:  # re-raised on the caller's thread
            errors.append(exc)
            return
        try:
            while True:
                with lock:
                    if not queue or errors:
                        return
                    i = queue.pop()
                job(cur, i)
        except BaseException as exc:
            errors.append(exc)
        finally:
            cur.close()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
