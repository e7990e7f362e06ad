"""Casework under load: 20 signed-in users browse caseloads, worklists and child records.

Budget (issue "Casework"): p95 under 200 ms, no errors, no page with more than 20 queries.
Runs against PostgreSQL with the 750-child demo council, served by gunicorn with DEBUG off.

    .venv/bin/python bench/bench_web.py [--users 20] [--managers 2] [--seconds 60] [--workers 3]
                                        [--think 1 3] [--db hearth_bench_web] [--keep-db]

Two runs, one after the other, against the same server:

- **saturated**: each user asks for the next page as soon as the last arrives. This measures
  capacity (pages a second); its latency is mostly queueing (users / throughput), not page cost.
- **think time**: each user reads a page for a random 1-3 s (uniform, seeded by username, so
  every run makes the same pauses) before the next, and starts at a random moment in the first
  3 s. This is what "20 people browsing" does, and its latency is what a user would see.

Users sign in before each run's clock starts (sign-in hashes the password with argon2 on purpose).

Users: the busiest practitioners (most children allocated now) browse their caseload (25%), their
worklist (10%) and their children's records (65%); `--managers` of them are replaced by those
workers' team managers, who browse the team caseload (30%), the team worklist (10%) and records.

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust). Creates the database and drops it
afterwards, unless --keep-db (then an existing council in it is reused).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-password-2026"
PORT = 8765
CHILD = re.compile(r'href="/children/(\d+)/"')

# (page name, path or None for a child's record, weight)
PRACTITIONER_PAGES = [("caseload", "/caseload/", 25), ("worklist", "/worklist/", 10), ("child record", None, 65)]
MANAGER_PAGES = [("team caseload", "/team/", 30), ("team worklist", "/worklist/team/", 10), ("child record", None, 60)]


def hearth(*args: str, env: dict) -> str:
    done = subprocess.run([sys.executable, "-m", "hearth.cli", *args], env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"hearth {args[0]} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def psql(sql: str, db: str = "postgres") -> str:
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-qtAc", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def prepare(env: dict, db: str, users: int, managers: int, keep: bool) -> None:
    exists = psql(f"SELECT 1 FROM pg_database WHERE datname = '{db}'") == "1"
    if keep and exists and psql("SELECT to_regclass('records_child') IS NOT NULL", db) == "t":
        print(f"reusing the council already in {db}")
        hearth("migrate", "--noinput", env=env)
    else:
        psql(f"DROP DATABASE IF EXISTS {db}")
        psql(f"CREATE DATABASE {db}")
        hearth("migrate", "--noinput", env=env)
        started = time.perf_counter()
        hearth("synth", "--children-in-care", "750", "--seed", "1", env=env)
        print(f"council generated into PostgreSQL in {time.perf_counter() - started:.1f} s")
    # The nightly run that works out everyone's open obligations for the day (hearth worklists), as
    # in production; pages still work out any child whose record changed since.
    print(hearth("worklists", env=env).strip())
    # One user per worker with the most children allocated now: a realistic, busy caseload each;
    # the first `managers` of them are swapped for their team's manager.
    hearth("shell", "--no-imports", "-c", f"""
from django.db.models import Count, Q
from hearth.accounts.models import User
from hearth.records.models import Worker
busy = list(Worker.objects.filter(role__in=["PERSONAL_ADVISER", "SOCIAL_WORKER"])
            .annotate(n=Count("allocations", filter=Q(allocations__end__isnull=True)))
            .order_by("-n", "pk")[:{users}])
managers = {{}}
for worker in busy[:{managers}]:
    manager = Worker.objects.filter(team=worker.team, role="TEAM_MANAGER").order_by("pk").first()
    if manager and manager.pk not in managers:
        managers[manager.pk] = manager
for i, worker in enumerate(busy):
    manager = list(managers.values())[i] if i < len(managers) else None
    user = User.objects.filter(username=f"bench{{i}}").first() or User(username=f"bench{{i}}")
    user.role, user.worker = ("team_manager", manager) if manager else ("practitioner", worker)
    user.set_password("{PASSWORD}")
    user.save()
""", env=env)


def query_counts(env: dict) -> dict[str, int]:
    """The most queries any page type needs, measured in-process with Django's test client."""
    out = hearth("shell", "--no-imports", "-c", """
import json, re
from django.db import connection
from django.test import Client
from hearth.accounts.models import User
worst = {}
def count(client, name, path):
    queries = []
    with connection.execute_wrapper(lambda execute, *args: queries.append(1) or execute(*args)):
        page = client.get(path).content.decode()
    worst[name] = max(worst.get(name, 0), len(queries))
    return page
for user in User.objects.filter(username__startswith="bench").order_by("username")[:6]:
    client = Client()
    client.force_login(user)
    if user.role == "team_manager":
        page = count(client, "team caseload", "/team/")
        count(client, "team worklist", "/worklist/team/")
    else:
        page = count(client, "caseload", "/caseload/")
        count(client, "worklist", "/worklist/")
    for pk in re.findall(r'href="/children/(\\d+)/"', page)[:10]:
        count(client, "child record", f"/children/{pk}/")
print(json.dumps(worst))
""", env=env)
    return json.loads(out.strip().splitlines()[-1])


def sign_in(username: str) -> urllib.request.OpenerDirector:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    base = f"http://127.0.0.1:{PORT}"
    page = opener.open(f"{base}/accounts/sign-in/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD}).encode()
    opener.open(urllib.request.Request(f"{base}/accounts/sign-in/", data=data, headers={"Referer": base})).read()
    return opener


def browse(username: str, opener, manager: bool, until: float, think: tuple[float, float] | None,
           timings: list, errors: list) -> None:
    rng = random.Random(username)
    if think:  # people do not all start at the same instant
        time.sleep(rng.uniform(0, think[1]))
    pages = MANAGER_PAGES if manager else PRACTITIONER_PAGES
    names, paths, weights = zip(*pages)
    children: list[str] = []
    base = f"http://127.0.0.1:{PORT}"
    while time.perf_counter() < until:
        name, path = rng.choices(list(zip(names, paths)), weights)[0]
        if path is None:
            if not children:  # nothing to open yet: start from the list of children
                name, path = pages[0][:2]
            else:
                path = f"/children/{rng.choice(children)}/"
        started = time.perf_counter()
        try:
            with opener.open(base + path, timeout=30) as response:
                body = response.read().decode()
                status = response.status
        except urllib.error.HTTPError as error:
            status, body = error.code, ""
        except Exception as error:  # a dropped connection counts as an error, not a crash
            status, body = repr(error), ""
        timings.append((name, time.perf_counter() - started))
        if status != 200:
            errors.append((path, status))
        if path == pages[0][1]:
            children = CHILD.findall(body) or children
        if think:
            time.sleep(rng.uniform(*think))


def run(label: str, users: list[tuple[str, bool]], seconds: int, think: tuple[float, float] | None) -> None:
    load_before = os.getloadavg()
    timings: list[tuple[str, float]] = []
    errors: list = []
    openers = [sign_in(u) for u, _ in users]  # signing in (argon2) is not what is measured
    cpu_before = os.times()
    until = time.perf_counter() + seconds
    threads = [threading.Thread(target=browse, args=(u, o, m, until, think, timings, errors))
               for (u, m), o in zip(users, openers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cpu = os.times()
    generator_cpu = (cpu.user + cpu.system) - (cpu_before.user + cpu_before.system)
    print(f"\n== {label} ==")
    print(f"load average before {load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}; "
          f"load generator used {generator_cpu:.1f} CPU-s")
    all_times = [t for _, t in timings]
    print(f"{len(all_times)} requests by {len(users)} users in {seconds} s ({len(all_times) / seconds:.1f}/s)")
    print(f"{'page':14} {'requests':>8} {'p50':>6} {'p95':>6} {'p99':>6} {'max':>6}  (ms)")
    by_page = defaultdict(list)
    for name, t in timings:
        by_page[name].append(t)
    for name, times in [("all pages", all_times), *sorted(by_page.items())]:
        if len(times) < 2:
            print(f"{name:14} {len(times):8}")
            continue
        q = statistics.quantiles(times, n=100)
        print(f"{name:14} {len(times):8} {q[49] * 1000:6.0f} {q[94] * 1000:6.0f} {q[98] * 1000:6.0f} {max(times) * 1000:6.0f}")
    print(f"errors: {len(errors)} {errors[:5]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--managers", type=int, default=2, help="how many of the users are team managers")
    parser.add_argument("--seconds", type=int, default=60, help="length of each run")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0), metavar=("MIN", "MAX"),
                        help="think time between pages in seconds (uniform) for the second run")
    parser.add_argument("--db", default="hearth_bench_web")
    parser.add_argument("--keep-db", action="store_true", help="reuse the council in --db and keep it afterwards")
    parser.add_argument("--only", choices=["saturated", "think"], help="do one of the two runs")
    args = parser.parse_args()
    env = {**os.environ, "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.db}", "HEARTH_DEBUG": "false",
           "DJANGO_SETTINGS_MODULE": "hearth.settings"}
    print(f"{date.today():%d %B %Y}, {platform.node()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.2f}")
    prepare(env, args.db, args.users, args.managers, args.keep_db)
    print("most queries per page:", query_counts(env))
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hearth.wsgi:application", "-b", f"127.0.0.1:{PORT}",
         "-w", str(args.workers), "--backlog", "256", "--log-level", "warning"], env=env, cwd=ROOT)
    try:
        time.sleep(3)
        users = [(f"bench{i}", i < args.managers) for i in range(args.users)]
        print(f"gunicorn: {args.workers} sync workers; {args.users} users ({args.managers} team managers)")
        if args.only in (None, "saturated"):
            run("saturated: no think time", users, args.seconds, None)
        if args.only in (None, "think"):
            run(f"think time {args.think[0]:g}-{args.think[1]:g} s between pages", users, args.seconds,
                tuple(args.think))
    finally:
        server.terminate()
        server.wait()
        if not args.keep_db:
            psql(f"DROP DATABASE IF EXISTS {args.db}")


if __name__ == "__main__":
    main()
