"""Extraction quality on every gold set, as one table.

    .venv/bin/python bench/quality.py [--eval ../shared/eval] [--sets seeds state m2e2 conll04] [--missed SET]

Builds each set with the real pipeline (in-process, one model load), runs queries/facts.rq and
queries/entities.rq, and scores them with the evaluation's own score.py, so the figures are the ones
anyone gets by following ../shared/eval/README.md.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.pipeline import BuildOptions, build  # noqa: E402
from kg.query import format_result, run_query  # noqa: E402


def sets(eval_dir: Path) -> dict[str, dict]:
    bench = eval_dir / "benchmarks"
    return {
        "seeds": dict(docs=ROOT / "seeds", gold=eval_dir / "gold/seeds.jsonl", noise=eval_dir / "gold/seeds_noise.jsonl",
                      entities=eval_dir / "gold/seeds_entities.jsonl"),
        "state": dict(docs=bench / "state/docs", gold=bench / "state/gold.jsonl", noise=bench / "state/noise.jsonl",
                      entities=bench / "state/entities.jsonl"),
        "m2e2": dict(docs=bench / "m2e2/docs", gold=bench / "m2e2/gold.jsonl", stems=bench / "m2e2/STEMS.json"),
        "conll04": dict(docs=bench / "conll04/docs", gold=bench / "conll04/gold.jsonl", stems=bench / "conll04/STEMS.json"),
    }


def score(eval_dir: Path, spec: dict, out: Path, show_missed: bool) -> dict[str, str]:
    facts, ents = out / "facts.json", out / "entities.json"
    facts.write_text(format_result(run_query(out / "graph.ttl", ROOT / "queries/facts.rq"), "json"))
    ents.write_text(format_result(run_query(out / "graph.ttl", ROOT / "queries/entities.rq"), "json"))
    cmd = [sys.executable, str(eval_dir / "score.py"), "--facts", str(facts), "--gold", str(spec["gold"])]
    if "noise" in spec:
        cmd += ["--noise", str(spec["noise"])]
    if "entities" in spec:
        cmd += ["--entities", str(ents), "--gold-entities", str(spec["entities"])]
    if "stems" in spec:
        cmd += ["--stems", str(spec["stems"])]
    if show_missed:
        cmd.append("--show-missed")
    text = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout
    if show_missed:
        print(text)
    figures = {}
    for key, pattern in (("core", r"recall\[core\]: (\S+ = \S+)"), ("extra", r"recall\[extra\]: (\S+ = \S+)"),
                         ("loc", r"location given where gold has one: (\S+)"), ("time", r"time given where gold has one: (\S+)"),
                         ("facts", r"facts: (\d+);"), ("pronoun", r"unresolved pronoun argument: (\d+)"),
                         ("noise", r"boilerplate \(should be 0\): (\d+)"), ("entities", r"exactly one node: (\S+)")):
        m = re.search(pattern, text)
        figures[key] = m.group(1) if m else "-"
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--sets", nargs="+", default=["seeds", "state", "m2e2", "conll04"])
    ap.add_argument("--missed", nargs="*", default=[], help="print missed gold facts of these sets")
    args = ap.parse_args()
    specs = sets(args.eval)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.sets:
            out = Path(tmp) / name
            t = time.perf_counter()
            build(BuildOptions(inputs=(str(specs[name]["docs"]),), out=out, html=False))
            rows.append((name, score(args.eval, specs[name], out, name in args.missed), time.perf_counter() - t))
    cols = ["core", "extra", "loc", "time", "facts", "pronoun", "noise", "entities"]
    header = f"{'set':8} " + " ".join(f"{c:>14}" for c in cols) + f" {'seconds':>8}"
    print(header)
    print("-" * len(header))
    for name, fig, secs in rows:
        print(f"{name:8} " + " ".join(f"{fig[c]:>14}" for c in cols) + f" {secs:8.1f}")


if __name__ == "__main__":
    main()
