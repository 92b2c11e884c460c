#!/usr/bin/env python3
"""Fits the estimated character error rate of `ocr-clean quality` on generated pages.

Input: the JSON Lines of `ocr-clean quality --json --gt DIR DIR/*.ocr.txt` over pages we render,
degrade and OCR ourselves (Dictionaries/make-training-pages.py; never the evaluation corpus).
Model: log(CER) = intercept + Σ coefficient · feature, least squares on log(max(CER, 0.002)),
features (shares, see QualityMetrics): unknown words, unknown characters, garbage tokens, word
changes, short unknown words, noise signs, stray letters. Writes Dictionaries/quality-model.tsv.

Usage: fit-quality.py FEATURES.jsonl [more.jsonl…] > Dictionaries/quality-model.tsv
"""
import json, math, sys
import numpy as np

FEATURES = [("unknown", lambda r: 1 - r["known_share"]), ("unknown_chars", lambda r: r["unknown_char_share"]),
            ("garbage", lambda r: r["garbage_share"]), ("changes", lambda r: r["changes_per_1000_words"] / 1000),
            ("short", lambda r: r["short_share"]), ("noise", lambda r: r["noise_share"]), ("stray", lambda r: r["stray_share"])]
rows = [json.loads(l) for f in sys.argv[1:] for l in open(f) if l.strip()]
rows = [r for r in rows if r["words"] >= 20 and "cer" in r]
X = np.array([[1] + [f(r) for _, f in FEATURES] for r in rows])
y = np.array([math.log(max(r["cer"], 0.002)) for r in rows])
# A little ridge keeps correlated features from cancelling each other out.
lam = 0.05 * len(rows)
reg = lam * np.eye(X.shape[1]); reg[0, 0] = 0
coef = np.linalg.solve(X.T @ X + reg, X.T @ y)
pred = X @ coef
r2 = 1 - ((y - pred) ** 2).sum() / ((y - y.mean()) ** 2).sum()
print("# Estimated character error rate: CER = exp(intercept + Σ coefficient · feature); features are")
print("# shares (QualityMetrics): unknown words and characters, garbage tokens, word changes, short")
print(f"# unknown words, noise signs, stray letters. Fitted by fit-quality.py on {len(rows)} generated")
print(f"# pages (R² of log CER {r2:.2f}). ocr-clean's own data, Apache-2.0.")
print(f"intercept\t{coef[0]:.4f}")
for (name, _), value in zip(FEATURES, coef[1:]):
    print(f"{name}\t{value:.4f}")
