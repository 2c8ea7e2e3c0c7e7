"""bench/lib/measure.py — sequential requests over one keep-alive
connection, as a signed-in demo user, and their p50/p95."""
import http.client
import json
import time


def session(port, user):
    """A connection and the headers of a session of @user."""
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("POST", "/api/v1/session", json.dumps({"username": user, "password": "wangge2026"}),
                 {"Content-Type": "application/json"})
    token = json.loads(conn.getresponse().read())["token"]
    return conn, {"Authorization": "Bearer " + token}


def measure(label, conn, headers, paths, target=None, method="GET"):
    """Requests each path (the first five twice, as a warm-up) and prints
    p50 and p95, with the share of @target (ms) the p95 takes."""
    times = []
    for path in paths[:5] + paths:
        start = time.perf_counter()
        conn.request(method, path, headers=headers)
        response = conn.getresponse()
        response.read()
        times.append((time.perf_counter() - start) * 1000)
        assert response.status == 200, (path, response.status)
    times = sorted(times[5:])
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    verdict = f"  (target p95 <= {target} ms: {p(0.95) / target:.2f} of it)" if target else ""
    print(f"{label:48s} p50 {p(0.5):7.1f} ms  p95 {p(0.95):7.1f} ms{verdict}")


def lines(path):
    with open(path) as f:
        return [l.strip() for l in f if l.strip()]
