#!/usr/bin/env python3
"""Fits the estimated character error rate of `ocr-clean quality` on generated pages.

Input: the JSON Lines of `ocr-clean quality --json --gt DIR DIR/*.ocr.txt` over pages we render,
degrade and OCR ourselves (Dictionaries/make-training-pages.py; never the evaluation corpus).
Model: log(CER) = intercept + Σ coefficient · log(feature + 0.01), a power law (twice the unknown
words do not add as much again to a page already full of them), by ridge regression on
log(max(CER, 0.002)) over standardized log features (a strong penalty: the pages we make are not
the pages users bring, so no feature may carry the model alone), folded back into coefficients.
Leaving one set of generated pages out in turn (two sets of man pages, one of UN pages), the log
features ranked the held-out pages better than the raw ones: mean Spearman 0.761 against 0.740;
offsets 0.003 and 0.03 gave 0.756 and 0.760.
Features (see QualityMetrics): shares of unknown words, unknown characters, garbage tokens, word
changes, short unknown words, noise signs, stray letters, repaired characters, implausible
words, and the mean letter cost of a word. Writes Dictionaries/quality-model.tsv.

Usage: fit-quality.py FEATURES.jsonl [more.jsonl…] > Dictionaries/quality-model.tsv
"""
import json, math, sys
import numpy as np

FEATURES = [("unknown", lambda r: 1 - r["known_share"]), ("unknown_chars", lambda r: r["unknown_char_share"]),
            ("garbage", lambda r: r["garbage_share"]), ("changes", lambda r: r["changes_per_1000_words"] / 1000),
            ("short", lambda r: r["short_share"]), ("noise", lambda r: r["noise_share"]), ("stray", lambda r: r["stray_share"]),
            ("repaired", lambda r: r["repaired_share"]), ("letters", lambda r: r["letter_cost"]),
            ("implausible", lambda r: r["implausible_share"])]
rows = [json.loads(l) for f in sys.argv[1:] for l in open(f) if l.strip()]
rows = [r for r in rows if r["words"] >= 20 and "cer" in r]
OFFSET = 0.01
raw = np.array([[f(r) for _, f in FEATURES] for r in rows])
A = np.log(raw + OFFSET)
y = np.array([math.log(max(r["cer"], 0.002)) for r in rows])
mean, scale = A.mean(axis=0), A.std(axis=0) + 1e-9
Z = np.hstack([np.ones((len(rows), 1)), (A - mean) / scale])
reg = len(rows) * np.eye(Z.shape[1]); reg[0, 0] = 0
fitted = np.linalg.solve(Z.T @ Z + reg, Z.T @ y)
pred = Z @ fitted
r2 = 1 - ((y - pred) ** 2).sum() / ((y - y.mean()) ** 2).sum()
weights = fitted[1:] / scale
coef = np.concatenate([[fitted[0] - (weights * mean).sum()], weights])
print("# Estimated character error rate: CER = exp(intercept + Σ coefficient · log(feature + log-offset));")
print("# features are shares (QualityMetrics): unknown words and characters, garbage tokens, word")
print("# changes, short unknown words, noise signs, stray letters, repaired characters, implausible")
print(f"# words; and the mean letter cost of a word. Fitted by fit-quality.py on {len(rows)} generated pages")
print(f"# (R² of log CER {r2:.2f}). ocr-clean's own data, Apache-2.0.")
print(f"intercept\t{coef[0]:.4f}")
print(f"log-offset\t{OFFSET}")
print("# Each feature is capped at the largest value of the training pages: past it the model would")
print("# extrapolate.")
for (name, _), value, top in zip(FEATURES, coef[1:], raw.max(axis=0)):
    print(f"{name}\t{value:.4f}\t{top:.4f}")
