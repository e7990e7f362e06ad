"""Casework under load: 20 signed-in practitioners browse caseloads and child records for 60 s.

Budget (issue "Casework"): p95 under 200 ms, no errors, no page with more than 20 queries.
Runs against PostgreSQL with the 750-child demo council, served by gunicorn with DEBUG off.

    .venv/bin/python bench/bench_web.py [--users 20] [--seconds 60] [--workers 4]

Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust). Creates and drops its own database.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = "hearth_bench_web"
URL = f"postgres://postgres@127.0.0.1:5432/{DB}"
PASSWORD = "bench-password-2026"
PORT = 8765


def hearth(*args: str, env: dict) -> str:
    return subprocess.run([sys.executable, "-m", "hearth.cli", *args], env=env, check=True,
                          capture_output=True, text=True).stdout


def prepare(env: dict, users: int) -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", f"DROP DATABASE IF EXISTS {DB}"], check=True)
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", f"CREATE DATABASE {DB}"], check=True)
    hearth("migrate", "--noinput", env=env)
    started = time.perf_counter()
    hearth("synth", "--children-in-care", "750", "--seed", "1", env=env)
    print(f"council generated into PostgreSQL in {time.perf_counter() - started:.1f} s")
    # One user per worker with the most children allocated now: a realistic, busy caseload each.
    hearth("shell", "--no-imports", "-c", f"""
from django.db.models import Count, Q
from django.utils import timezone
from hearth.accounts.models import User
from hearth.records.models import Worker
today = timezone.localdate()
busy = (Worker.objects.filter(role__in=["PERSONAL_ADVISER", "SOCIAL_WORKER"])
        .annotate(n=Count("allocations", filter=Q(allocations__end__isnull=True)))
        .order_by("-n")[:{users}])
for i, worker in enumerate(busy):
    user = User(username=f"bench{{i}}", role="practitioner", worker=worker)
    user.set_password("{PASSWORD}")
    user.save()
""", env=env)


def query_counts(env: dict) -> dict[str, int]:
    """The most queries any page type needs, measured in-process with Django's test client."""
    out = hearth("shell", "--no-imports", "-c", """
import re
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hearth.accounts.models import User
worst = {}
for user in User.objects.filter(username__startswith="bench")[:5]:
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        page = client.get("/caseload/").content.decode()
    worst["caseload"] = max(worst.get("caseload", 0), len(ctx.captured_queries))
    for pk in re.findall(r'href="/children/(\\d+)/"', page)[:10]:
        with CaptureQueriesContext(connection) as ctx:
            client.get(f"/children/{pk}/")
        worst["child record"] = max(worst.get("child record", 0), len(ctx.captured_queries))
import json
print(json.dumps(worst))
""", env=env)
    return json.loads(out.strip().splitlines()[-1])


def browse(username: str, until: float, timings: list, errors: list) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{PORT}"
    page = opener.open(f"{base}/accounts/sign-in/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD}).encode()
    opener.open(urllib.request.Request(f"{base}/accounts/sign-in/", data=data, headers={"Referer": base})).read()
    rng = random.Random(username)
    children: list[str] = []
    while time.perf_counter() < until:
        path = "/caseload/" if not children or rng.random() < 0.25 else f"/children/{rng.choice(children)}/"
        started = time.perf_counter()
        try:
            with opener.open(base + path, timeout=30) as response:
                body = response.read().decode()
                status = response.status
        except urllib.error.HTTPError as error:
            status, body = error.code, ""
        except Exception as error:  # a dropped connection counts as an error, not a crash
            status, body = repr(error), ""
        timings.append(time.perf_counter() - started)
        if status != 200:
            errors.append((path, status))
        if path == "/caseload/":
            children = re.findall(r'href="/children/(\d+)/"', body) or children


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    env = {**os.environ, "DATABASE_URL": URL, "HEARTH_DEBUG": "false", "DJANGO_SETTINGS_MODULE": "hearth.settings"}
    prepare(env, args.users)
    print("most queries per page:", query_counts(env))
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hearth.wsgi:application", "-b", f"127.0.0.1:{PORT}",
         "-w", str(args.workers), "--log-level", "warning"], env=env, cwd=ROOT)
    try:
        time.sleep(3)
        timings: list[float] = []
        errors: list = []
        until = time.perf_counter() + args.seconds
        threads = [threading.Thread(target=browse, args=(f"bench{i}", until, timings, errors)) for i in range(args.users)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        server.terminate()
        server.wait()
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", f"DROP DATABASE IF EXISTS {DB}"])
    q = statistics.quantiles(timings, n=100)
    print(f"{len(timings)} requests by {args.users} users in {args.seconds} s ({len(timings) / args.seconds:.0f}/s), "
          f"gunicorn {args.workers} workers")
    print(f"latency ms: p50 {q[49] * 1000:.0f}  p95 {q[94] * 1000:.0f}  p99 {q[98] * 1000:.0f}  max {max(timings) * 1000:.0f}")
    print(f"errors: {len(errors)} {errors[:5]}")


if __name__ == "__main__":
    main()
