#!/usr/bin/env python3
"""Makes the training pages fr-ocr-confusions.tsv is estimated from: French man-page text rendered
to degraded page images and OCR'd with the evaluation tools, never the evaluation texts.

  python3 make-training-pages.py SHARED_DIR WORK_DIR [--pages N] [--seed S]

SHARED_DIR is the workplace's shared folder (it holds bench/make-corpus and eval/tools). The
clean text comes from `make-corpus --mb 3 --seed 11 --clean` (French man pages of manpages-fr);
paragraphs that come from the UN seed documents (the evaluation sources) are removed. The text
is split into 8 sources in the tools' paragraph format, and build_corpus.py renders, degrades and
OCRs N pages (default 120) with its usual mix of fonts, degradations and engines. The pages are
written to WORK_DIR/pages as NAME.gt.txt / NAME.ocr.txt / NAME.para.txt. They derive from GPL-3+
man pages: use them, do not commit them.
"""
import argparse
import glob
import json
import os
import re
import subprocess


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shared")
    ap.add_argument("work")
    ap.add_argument("--pages", type=int, default=120)
    ap.add_argument("--seed", type=int, default=20261122)
    a = ap.parse_args()
    os.makedirs(os.path.join(a.work, "sources"), exist_ok=True)
    clean = os.path.join(a.work, "clean.txt")
    subprocess.run([os.path.join(a.shared, "bench", "make-corpus"), "--mb", "3", "--seed", "11", "--clean", clean], check=True)
    seeds = " ".join(open(p, encoding="utf-8").read() for p in glob.glob(os.path.join(a.shared, "seeds", "*.txt")))
    seeds = re.sub(r"\s+", " ", seeds)
    paragraphs, current = [], []
    for line in open(clean, encoding="utf-8").read().split("\n"):
        if not line.strip() or (line.startswith(" ") and current):
            if current:
                paragraphs.append(" ".join(current))
                current = []
            if not line.strip():
                continue
        current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    paragraphs = [re.sub(r"\s+", " ", p) for p in paragraphs]
    keep = [p for p in paragraphs if p[:60] not in seeds
            and not re.search(r"Nations Unies|Assemblée générale|résolution \d|Conférence des Parties", p)]
    n = len(keep) // 8
    sources = {}
    for k in range(8):
        path = os.path.join(a.work, "sources", f"man{k}.txt")
        with open(path, "w", encoding="utf-8") as f:
            for p in keep[k * n:(k + 1) * n]:
                if len(p) < 70 and not p.endswith((".", ":", ";", ",")):
                    f.write("# " + re.sub(r"^\d+/\d+\. ", "", p) + "\n")
                else:
                    f.write(p + "\n")
        sources[f"man{k}"] = {"path": f"sources/man{k}.txt", "desc": "French man pages (manpages-fr), clean paragraphs",
                              "header": [f"MAN/FR/2023/L.{k}", f"A/HRC/{40 + k}/12"],
                              "page_label": ["{n} V.23-%05d" % (40000 + k * 111), "{n}", "{n}/24"]}
    plan = {"out": "pages", "seed": a.seed, "pages": a.pages, "prefix": "train", "synthetic_footnotes": True, "sources": sources}
    with open(os.path.join(a.work, "plan.json"), "w") as f:
        json.dump(plan, f, indent=1)
    subprocess.run(["python3", os.path.join(a.shared, "eval", "tools", "build_corpus.py"), os.path.join(a.work, "plan.json")], check=True)


if __name__ == "__main__":
    main()
