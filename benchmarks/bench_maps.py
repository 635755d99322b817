"""Benchmark incident maps against GeoDataFrame.explore() and a naive folium Marker loop.

One command, same data, same run:

    python benchmarks/bench_maps.py                 # 1k, 10k, 100k
    python benchmarks/bench_maps.py --sizes 1000 10000 100000 --million   # + 1M (ours only, slow)

Measures per size: build time (map object + HTML written), HTML size, and time
to first render in headless Chromium (Debian chromium via Playwright, all
network blocked except that Leaflet's CDN files are answered from the local
asset cache for every contender, so nobody waits for tiles).  Prints medians
and ratios against the peers, then the issue's targets at 100k.

explore() and the Marker loop are not rendered above --peer-render-max
(default 10k): a page of 100k SVG paths or DOM markers takes minutes or hangs.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import folium  # noqa: E402

from geoutils import assets  # noqa: E402
from geoutils.maps import incident_map, save_map  # noqa: E402
from geoutils.maps.browser import browser_missing, chromium  # noqa: E402
from test_maps_fixtures import synthetic_incidents  # noqa: E402

POPUP = ["event_date", "event_type", "sub_event_type", "location", "fatalities", "injuries", "source", "notes"]


def build_ours(gdf, path: Path) -> None:
    save_map(incident_map(gdf), path, offline=True)


def build_explore(gdf, path: Path) -> None:
    m = gdf.explore(tooltip=["event_date", "event_type", "location"], popup=POPUP)
    m.save(str(path))


def build_naive(gdf, path: Path) -> None:
    """What a typical notebook does: one Marker with an HTML popup per row."""
    m = folium.Map(location=[33.5, 43.5], zoom_start=6)
    for r in gdf.itertuples(index=False):
        html = (f"<b>{r.event_date}</b> {r.event_type} / {r.sub_event_type}<br>{r.location}<br>"
                f"fatalities {r.fatalities}, injuries {r.injuries}<br>{r.source}<br>{r.notes}")
        folium.Marker([r.latitude, r.longitude], popup=folium.Popup(html, max_width=300),
                      tooltip=str(r.location)).add_to(m)
    m.save(str(path))


READY = {
    "ours": "window.__geoutils_ready === true",
    "explore": "document.querySelectorAll('path.leaflet-interactive').length > 0",
    "naive": "document.querySelectorAll('.leaflet-marker-icon').length > 0",
}


def time_render(browser, path: Path, ready: str, timeout_s: float) -> float | None:
    """Seconds from navigation to the first drawn incident (+1 frame), or None on time-out."""
    local = {assets.asset_url(a): assets.inline_text(name) for name, a in assets.ASSETS.items()}
    for name in ("leaflet.js", "leaflet.css"):  # folium links 1.9.3 at the same URLs
        local[assets.asset_url(assets.ASSETS[name])] = assets.inline_text(name)
    page = browser.new_page(viewport={"width": 1280, "height": 800})

    def handle(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        elif url in local:
            ctype = "text/css" if url.endswith(".css") else "application/javascript"
            route.fulfill(status=200, body=local[url], content_type=ctype)
        else:
            route.abort()

    page.route("**/*", handle)
    t0 = time.perf_counter()
    try:
        page.goto(path.as_uri(), wait_until="load", timeout=timeout_s * 1000)
        page.wait_for_function(ready, timeout=timeout_s * 1000, polling=50)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(1)))")
        return time.perf_counter() - t0
    except Exception:  # playwright TimeoutError and friends
        return None
    finally:
        page.close()


def median_time(fn: Callable[[], None], repeats: int) -> float:
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return statistics.median(out)


def fmt(v: float | None, unit: str = "s") -> str:
    return "   —   " if v is None else f"{v:7.2f}{unit}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--million", action="store_true", help="also 1,000,000 incidents (ours only)")
    ap.add_argument("--repeats", type=int, default=3, help="runs per measurement up to 10k (1 above)")
    ap.add_argument("--peer-render-max", type=int, default=10_000,
                    help="largest size at which explore()/naive maps are opened in the browser")
    ap.add_argument("--peer-build-max", type=int, default=100_000, help="largest size built with the peers")
    ap.add_argument("--timeout", type=float, default=60.0, help="render time-out per page, seconds")
    args = ap.parse_args(argv)

    if not assets.is_complete():
        print("asset cache incomplete: run `npm ci && python -m geoutils assets fetch --from npm`")
        return 2
    reason = browser_missing()
    sizes = args.sizes + ([1_000_000] if args.million else [])
    results: dict[int, dict[str, dict[str, float | None]]] = {}
    tmp = Path(tempfile.mkdtemp(prefix="bench-maps-"))
    builders = {"ours": build_ours, "explore": build_explore, "naive": build_naive}
    with chromium() if reason is None else _null() as browser:
        for n in sizes:
            gdf = synthetic_incidents(n)
            peers_df = gdf.assign(event_date=gdf["event_date"].astype(str))  # explore() needs JSON-able dates
            results[n] = {}
            reps = args.repeats if n <= 10_000 else 1
            for name, build in builders.items():
                if name != "ours" and (n > args.peer_build_max or n >= 1_000_000):
                    continue
                path = tmp / f"{name}_{n}.html"
                data = gdf if name == "ours" else peers_df
                t_build = median_time(lambda: build(data, path), reps)
                size_mb = path.stat().st_size / 1e6
                t_render = None
                if browser is not None and (name == "ours" or n <= args.peer_render_max):
                    runs = [time_render(browser, path, READY[name], args.timeout) for _ in range(reps)]
                    ok = [r for r in runs if r is not None]
                    t_render = statistics.median(ok) if ok else None
                results[n][name] = {"build": t_build, "mb": size_mb, "render": t_render}
                print(f"  n={n:>9,} {name:8s} build {fmt(t_build)}  html {size_mb:8.2f} MB  "
                      f"first render {fmt(t_render)}", flush=True)
    report(results, args, reason)
    return 0


class _null:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def report(results, args, reason) -> None:
    print("\nmedians (— = not measured: peer render skipped above "
          f"{args.peer_render_max:,} incidents, or time-out)")
    print(f"{'n':>9} | {'contender':8} | {'build s':>8} | {'HTML MB':>8} | {'render s':>8} | "
          f"{'build ×ours':>11} | {'size ×ours':>10} | {'render ×ours':>12}")
    for n, row in results.items():
        ours = row["ours"]
        for name, r in row.items():
            ratio = lambda k: (r[k] / ours[k]) if (r[k] and ours[k]) else None  # noqa: E731
            print(f"{n:>9,} | {name:8} | {fmt(r['build'], '')} | {r['mb']:8.2f} | {fmt(r['render'], '')} | "
                  f"{fmt(ratio('build'), '×'):>11} | {fmt(ratio('mb'), '×'):>10} | {fmt(ratio('render'), '×'):>12}")
    if reason:
        print(f"browser not available ({reason}): no render times")
    if 100_000 in results:
        r = results[100_000]
        o, e = r["ours"], r.get("explore")
        print("\ntargets at 100k incidents (popups and time slider on):")
        check("build <= 2.5 s", o["build"] <= 2.5, f"{o['build']:.2f} s")
        if e:
            check("build >= 1.5x faster than explore()", e["build"] >= 1.5 * o["build"],
                  f"{e['build'] / o['build']:.1f}x")
            check("HTML <= half of explore()'s", o["mb"] <= e["mb"] / 2, f"{o['mb']:.1f} vs {e['mb']:.1f} MB")
        check("HTML <= 12 MB", o["mb"] <= 12, f"{o['mb']:.1f} MB")
        if o["render"] is not None:
            check("first render <= 3 s", o["render"] <= 3, f"{o['render']:.2f} s")
    if 1_000_000 in results:
        o = results[1_000_000]["ours"]
        print("\nat 1M incidents:")
        check("HTML <= 100 MB", o["mb"] <= 100, f"{o['mb']:.1f} MB")
        check("map opens (clustered)", o["render"] is not None, fmt(o["render"]))


def check(what: str, ok: bool, value: str) -> None:
    print(f"  [{'PASS' if ok else 'FAIL'}] {what}: {value}")


if __name__ == "__main__":
    sys.exit(main())
