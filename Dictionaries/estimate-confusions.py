#!/usr/bin/env python3
"""Estimates the OCR confusion table (fr-ocr-confusions.tsv) from OCR output aligned with the
text that was printed.

  python3 estimate-confusions.py PAGES_DIR OUT.tsv [--min-count N]

PAGES_DIR holds pairs NAME.ocr.txt / NAME.gt.txt: pages rendered from French text, degraded and
OCR'd by ../shared/eval/tools/build_corpus.py (see README.md for the plan used). Never run it on
an evaluation set: the table would then describe the test.

Each page is aligned with the truth at character level (Levenshtein opcodes, via the
`levenshtein` package); neighbouring edits are merged into one confusion ("rn" for "m", "ce" for
"œ", "d" for "ô"), inside words only. For each confusion `ocr <- intended` the table gives how
often it happened (`count`), how often the intended text occurred in the truth (`opportunities`)
and the channel cost -log10(count / opportunities), the weight the corrector uses. Word-level
events are counted the same way: a space inserted inside a word (`gap`), a space lost between two
words (`join`), a hyphen left inside a word (`hyphen`).
"""
import collections
import glob
import math
import os
import re
import sys
import unicodedata

import Levenshtein

WORD = re.compile(r"[^\W\d_]", re.UNICODE)
SUPERSCRIPTS = set("⁰¹²³⁴⁵⁶⁷⁸⁹")


def normalize(text):
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if c in SUPERSCRIPTS else c for c in text)
    return re.sub(r"\s+", " ", text).strip()


def is_letter(c):
    return bool(WORD.match(c))


def regions(ocr, gt):
    """Merged non-equal regions: (ocr_start, ocr_end, gt_start, gt_end)."""
    ops = [op for op in Levenshtein.opcodes(ocr, gt) if op[0] != "equal"]
    merged = []
    for tag, i1, i2, j1, j2 in ops:
        if merged and merged[-1][1] == i1 and merged[-1][3] == j1:
            a = merged[-1]
            merged[-1] = (a[0], i2, a[2], j2)
        else:
            merged.append((i1, i2, j1, j2))
    return merged


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    pages, out = sys.argv[1], sys.argv[2]
    min_count = int(sys.argv[sys.argv.index("--min-count") + 1]) if "--min-count" in sys.argv else 3
    counts = collections.Counter()
    truth = []
    for gt_path in sorted(glob.glob(os.path.join(pages, "*.gt.txt"))):
        ocr_path = gt_path[:-len(".gt.txt")] + ".ocr.txt"
        if not os.path.exists(ocr_path):
            continue
        gt = normalize(open(gt_path, encoding="utf-8").read())
        ocr = normalize(open(ocr_path, encoding="utf-8").read())
        # Pages where the OCR lost most of the text say nothing about character confusions.
        if Levenshtein.distance(ocr, gt) > 0.25 * len(gt):
            continue
        truth.append(gt)
        for i1, i2, j1, j2 in regions(ocr, gt):
            o, g = ocr[i1:i2], gt[j1:j2]
            if len(o) > 3 or len(g) > 3:
                continue
            before = gt[j1 - 1] if j1 > 0 else " "
            after = gt[j2] if j2 < len(gt) else " "
            if o.strip() == "" and g == "" and is_letter(before) and is_letter(after):
                counts[("␣", "∅", "gap")] += 1
            elif o == "" and g == " " and is_letter(before) and is_letter(after):
                counts[("∅", "␣", "join")] += 1
            elif o == "-" and g == "" and is_letter(before) and is_letter(after):
                counts[("-", "∅", "hyphen")] += 1
            elif o and g and " " not in o and " " not in g and any(map(is_letter, g)):
                context = "^" if not is_letter(before) else ("$" if not is_letter(after) else "any")
                counts[(o, g, "any")] += 1
                if context != "any":
                    counts[(o, g, context)] += 1
    text = " ".join(truth)
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text)
    gaps = sum(len(w) - 1 for w in words)
    spaces = text.count(" ")
    rows = []
    for (o, g, context), n in counts.items():
        if n < min_count:
            continue
        if context == "gap":
            opportunities = gaps
        elif context in ("join", "hyphen"):
            opportunities = spaces if context == "join" else gaps
        elif context == "^":
            opportunities = len(re.findall(r"(?<![^\W\d_])" + re.escape(g), text))
        elif context == "$":
            opportunities = len(re.findall(re.escape(g) + r"(?![^\W\d_])", text))
        else:
            opportunities = text.count(g)
        if opportunities == 0:
            continue
        cost = -math.log10(min(1.0, n / opportunities))
        rows.append((o, g, context, cost, n, opportunities))
    rows.sort(key=lambda r: (r[3], r[0], r[1]))
    with open(out, "w", encoding="utf-8") as f:
        f.write("# OCR confusions estimated by Dictionaries/estimate-confusions.py from generated training pages\n")
        f.write("# (see Dictionaries/README.md). ocr-clean's own data, Apache-2.0.\n")
        f.write("# Columns: ocr<TAB>intended<TAB>context<TAB>cost<TAB>count<TAB>opportunities\n")
        f.write("#   ocr/intended: text as read / as printed; ␣ a space, ∅ nothing\n")
        f.write("#   context: any | ^ word start | $ word end | gap (inside a word) | join (between words) | hyphen\n")
        f.write("#   cost: -log10(count / opportunities), the channel weight of the corrector\n")
        for o, g, context, cost, n, opp in rows:
            f.write(f"{o}\t{g}\t{context}\t{cost:.2f}\t{n}\t{opp}\n")
    print(f"estimate-confusions.py: {len(rows)} confusions from {len(truth)} pages -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
