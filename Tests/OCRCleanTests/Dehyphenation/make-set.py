#!/usr/bin/env python3
"""Builds the de-hyphenation test set: French paragraphs broken into lines with hyphens at line
ends, the way a justified layout does it.

Source: French man pages (Debian manpages-fr, GPL), in the paragraph format made by
Dictionaries/make-training-pages.py; never the evaluation corpus. Words that do not fit are cut
at a hyphenation point from pyphen's French patterns (a syllabic break, the hyphen is the
layout's) or, for compounds, after their own hyphen (a real break, the hyphen is the word's).

Writes, next to this script:
  set.txt         the broken lines, paragraphs separated by blank lines
  breaks.tsv      paragraph number (from 1), kind (syllabic | real), the word as it must come out

Man pages hold few compounds, so paragraphs are added where a compound from the French word
list (Dictionaries/fr-words.txt, one hyphen, parts of two letters or more) is put at a line end
and cut after its hyphen, between two halves of a man-page sentence.

Usage: make-set.py SOURCES_DIR WORDS [--paragraphs 400] [--compounds 300] [--seed 7]
"""
import argparse, os, random, re
import pyphen

ap = argparse.ArgumentParser()
ap.add_argument("sources")
ap.add_argument("words")
ap.add_argument("--compounds", type=int, default=300)
ap.add_argument("--paragraphs", type=int, default=400)
ap.add_argument("--seed", type=int, default=7)
args = ap.parse_args()
rnd = random.Random(args.seed)
dic = pyphen.Pyphen(lang="fr_FR", left=2, right=3)

paragraphs = []
for name in sorted(os.listdir(args.sources)):
    for line in open(os.path.join(args.sources, name), encoding="utf-8"):
        line = line.strip()
        if line.startswith("#") or len(line) < 200:
            continue
        line = re.sub(r"^\d+\. ", "", line)
        paragraphs.append(line)
rnd.shuffle(paragraphs)
paragraphs = paragraphs[: args.paragraphs]

out_lines, breaks = [], []
for number, text in enumerate(paragraphs, 1):
    width = rnd.randint(40, 70)
    words = text.split(" ")
    line = ""
    for word in words:
        candidate = (line + " " + word) if line else word
        if len(candidate) <= width:
            line = candidate
            continue
        room = width - len(line) - (1 if line else 0)
        cut = None
        letters = re.fullmatch(r"[\w’'-]+", word)
        if letters and "-" in word.strip("-"):
            # A compound: break after its own hyphen when the first part fits.
            first = word[: word.index("-") + 1]
            if 2 <= len(first) <= room and len(word) - len(first) >= 2:
                cut = (first, word[len(first):], "real")
        elif letters and len(word) >= 6 and "’" not in word and "'" not in word:
            for head, tail in reversed(list(dic.iterate(word))):
                if len(head) + 1 <= room:
                    cut = (head + "-", tail, "syllabic")
                    break
        if cut:
            out_lines.append((line + " " + cut[0]) if line else cut[0])
            breaks.append((number, cut[2], word.strip(".,;:()")))
            line = cut[1]
        else:
            out_lines.append(line)
            line = word
    out_lines.append(line)
    out_lines.append("")

compounds = []
for line in open(args.words, encoding="utf-8"):
    form = line.split("\t")[0].strip()
    parts = form.split("-")
    if len(parts) == 2 and all(len(p) >= 2 and p.isalpha() for p in parts):
        compounds.append(form)
compounds.sort()
sentences = [s for p in paragraphs for s in re.split(r"(?<=[.;]) ", p) if len(s.split(" ")) >= 12]
for k, compound in enumerate(rnd.sample(compounds, args.compounds)):
    number = len(paragraphs) + k + 1
    words = rnd.choice(sentences).split(" ")
    half = len(words) // 2
    first, second = compound.split("-")
    out_lines.append(" ".join(words[:half] + [first + "-"]))
    out_lines.append(" ".join([second] + words[half:]))
    out_lines.append("")
    breaks.append((number, "real", compound))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "set.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(out_lines))
with open(os.path.join(here, "breaks.tsv"), "w", encoding="utf-8") as f:
    f.write("# paragraph\tkind\tword as it must come out (made by make-set.py)\n")
    for number, kind, word in breaks:
        f.write(f"{number}\t{kind}\t{word}\n")
print(len(paragraphs), "paragraphs,", sum(1 for b in breaks if b[1] == "syllabic"), "syllabic breaks,",
      sum(1 for b in breaks if b[1] == "real"), "real breaks")
