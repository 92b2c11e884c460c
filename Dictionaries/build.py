#!/usr/bin/env python3
"""Builds the word lists of Dictionaries/ from their sources (see README.md and build.sh).

  python3 build.py forms FR.aff FR.dic OUT            expand a Hunspell dictionary to full forms
  python3 build.py variants FORMS ALL.aff ALL.dic OUT [MIN_ZIPF]
                                                      attested variant forms missing from FORMS
  python3 build.py zipf FORMS[,FORMS] OUT             word frequencies from wordfreq (installed)
  python3 build.py english WORDS FORMS[,FORMS] OUT    common English words (SCOWL list + wordfreq)
  python3 build.py check-forms FORMS FR.aff FR.dic    every form must be accepted by hunspell

Forms: Dicollecte's affix file uses two-character flags (FLAG long), two-level suffixes,
NEEDAFFIX on most stems and elision prefixes (l' d' qu' ...), which Debian's `unmunch` cannot
read. This expander implements the Hunspell rules the file uses: suffix and prefix rules with
conditions, cross products, continuation classes (a suffix or prefix that allows another affix),
NEEDAFFIX and FORBIDDENWORD. Elided prefixes are not generated (the tokenizer splits l' d' qu'
before lookup). Apostrophes are written as U+2019 (the file's own OCONV), text is NFC.
"""
import math
import subprocess
import sys
import unicodedata


class Rule:
    __slots__ = ("flag", "cross", "strip", "add", "cont", "cond", "suffix", "tags")

    def __init__(self, flag, cross, strip, add, cont, cond, suffix, morph=""):
        self.flag, self.cross, self.suffix = flag, cross, suffix
        self.tags = tags_of(morph)
        self.strip = "" if strip == "0" else strip
        self.add = "" if add == "0" else add
        self.cont = cont
        self.cond = parse_condition(cond)

    def matches(self, word):
        n = len(self.cond)
        if len(word) < n or len(word) < len(self.strip):
            return False
        part = word[len(word) - n:] if self.suffix else word[:n]
        if any(c not in s if pos else c in s for c, (pos, s) in zip(part, self.cond)):
            return False
        if self.strip:
            return word.endswith(self.strip) if self.suffix else word.startswith(self.strip)
        return True

    def apply(self, word):
        if self.suffix:
            return word[:len(word) - len(self.strip)] + self.add
        return self.add + word[len(self.strip):]


# Part-of-speech tags kept per form (a letter each), from Dicollecte's morphological fields:
# the corrector's context rules need them (a/à before an infinitive or a past participle).
TAGS = [("po:nom", "n"), ("po:adj", "a"), ("po:infi", "i"), ("po:ppas", "p"), ("po:ppre", "g"),
        ("po:adv", "d"), ("po:npr", "r"), ("po:patr", "r"), ("po:prn", "w"), ("po:mg", "w"), ("po:prep", "w"), ("po:det", "w"),
        ("is:mas", "m"), ("is:fem", "f"), ("is:epi", "mf"), ("is:sg", "s"), ("is:pl", "x"), ("is:inv", "sx")]
FINITE = ("po:ipre", "po:iimp", "po:ipsi", "po:ifut", "po:cond", "po:spre", "po:simp", "po:impe")


def tags_of(morph):
    out = {letter for key, letters in TAGS if key in morph for letter in letters}
    if any(key in morph for key in FINITE):
        out.add("v")
    return out


def parse_condition(cond):
    """A Hunspell condition as a list of (positive, set) per character; '.' is any character."""
    out, i = [], 0
    if cond == ".":
        return out
    while i < len(cond):
        c = cond[i]
        if c == "[":
            j = cond.index("]", i)
            body = cond[i + 1:j]
            out.append((False, set(body[1:])) if body.startswith("^") else (True, set(body)))
            i = j + 1
        elif c == ".":
            out.append((False, set()))
            i += 1
        else:
            out.append((True, {c}))
            i += 1
    return out


def split_flags(flags):
    return [flags[i:i + 2] for i in range(0, len(flags), 2)]


def read_aff(path):
    rules = {"PFX": {}, "SFX": {}}
    special = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for line in lines:
        parts = line.split()
        if not parts:
            continue
        key = parts[0]
        if key in ("NEEDAFFIX", "FORBIDDENWORD", "CIRCUMFIX", "KEEPCASE", "NOSUGGEST") and len(parts) > 1:
            special[key] = parts[1]
        elif key == "FLAG" and parts[1] != "long":
            sys.exit("build.py: only FLAG long is supported")
        elif key in ("PFX", "SFX") and len(parts) >= 5:
            flag, strip, add_cont, cond = parts[1], parts[2], parts[3], parts[4]
            header = rules[key].setdefault(flag, {"cross": True, "rules": []})
            add, _, cont = add_cont.partition("/")
            header["rules"].append(Rule(flag, header["cross"], strip, add, split_flags(cont), cond, key == "SFX", " ".join(parts[5:])))
        elif key in ("PFX", "SFX") and len(parts) == 4:
            rules[key].setdefault(parts[1], {"cross": parts[2] == "Y", "rules": []})["cross"] = parts[2] == "Y"
    for kind in rules.values():
        for header in kind.values():
            for rule in header["rules"]:
                rule.cross = header["cross"]
    return ({f: h["rules"] for f, h in rules["PFX"].items()}, {f: h["rules"] for f, h in rules["SFX"].items()}, special)


def read_dic(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for line in lines[1:]:
        if not line.strip():
            continue
        entry, _, morph = line.replace("\t", " ").partition(" ")
        word, slash, flags = entry.partition("/")
        # A slash inside a word is escaped as "\/".
        while word.endswith("\\") and slash:
            rest, slash, flags = flags.partition("/")
            word = word[:-1] + "/" + rest
        yield word, split_flags(flags), tags_of(morph)


def elided(text):
    """Elision prefixes (l' d' qu' jusqu' ...) end in an apostrophe."""
    return "'" in text or "’" in text


def expand(word, flags, pfx, sfx, special, tags):
    """Every form of a dictionary entry with the part-of-speech tags of that analysis."""
    need = special.get("NEEDAFFIX")
    if special.get("FORBIDDENWORD") in flags:
        return {}
    out = {}

    def add(form, extra=()):
        out.setdefault(form, set()).update(tags, *extra)

    flagset = set(flags)
    if need not in flagset:
        add(word)

    def suffixes(base, allowed, only_cross=False, depth=1):
        for f in allowed:
            for r in sfx.get(f, ()):
                if only_cross and not r.cross:
                    continue
                if not r.matches(base):
                    continue
                w = r.apply(base)
                if need not in r.cont:
                    yield w, r, r.tags
                if depth == 1:
                    for w2, _, t2 in suffixes(w, r.cont, depth=2):
                        yield w2, r, r.tags | t2

    def prefixes(base, allowed, only_cross=False):
        for f in allowed:
            for p in pfx.get(f, ()):
                if (only_cross and not p.cross) or elided(p.add) or not p.matches(base):
                    continue
                yield p.apply(base), p

    for w1, r, t1 in suffixes(word, flags):
        add(w1, [t1])
        # A prefix allowed by the stem (cross product) or by the suffix's continuation class.
        for wp, p in prefixes(w1, [f for f in flags if r.cross] + r.cont):
            if need not in p.cont:
                add(wp, [t1])
    for wp, p in prefixes(word, flags):
        # A prefix is an affix: the prefixed stem is a word unless the prefix itself needs more.
        if need not in p.cont:
            add(wp)
        for w2, _, t2 in suffixes(wp, p.cont):
            add(w2, [t2])
        if p.cross:
            for w2, _, t2 in suffixes(wp, flags, only_cross=True):
                add(w2, [t2])
    return out


def canonical(form):
    return unicodedata.normalize("NFC", form.replace("'", "’"))


def expand_all(aff, dic):
    pfx, sfx, special = read_aff(aff)
    forms = {}
    for word, flags, tags in read_dic(dic):
        for form, form_tags in expand(word, flags, pfx, sfx, special, tags).items():
            if form and not form.endswith(("’", "'")):
                forms.setdefault(canonical(form), set()).update(form_tags)
    return forms


def write_forms(forms, out, header):
    with open(out, "w", encoding="utf-8") as f:
        for line in header:
            f.write("# " + line + "\n")
        f.write("# Columns: form, then part-of-speech tags when known: n noun, a adjective, i infinitive,\n")
        f.write("# p past participle, g present participle, v finite verb, d adverb, r proper noun, w grammatical word,\n")
        f.write("# m masculine, f feminine, s singular, x plural.\n")
        for form in sorted(forms):
            tags = "".join(sorted(forms[form]))
            f.write(f"{form}\t{tags}\n" if tags else form + "\n")
    print(f"build.py: {len(forms)} forms -> {out}", file=sys.stderr)


def build_forms(aff, dic, out):
    write_forms(expand_all(aff, dic), out, [
        "French word forms: Dicollecte (hunspell-fr-classical 7.0, variant \"classique\"),",
        "expanded by Dictionaries/build.py. MPL-2.0: see Dictionaries/NOTICE and LICENSES/MPL-2.0.txt."])


def build_variants(classical_path, aff, dic, out, min_zipf="2.0"):
    """Forms of the 'toutes variantes' dictionary (1990 reform spellings and other variants) that
    the classical one lacks and that wordfreq attests (Zipf >= min_zipf): socioéconomiques,
    règlementation. Rare variants are left out: they would hide OCR errors (contrela)."""
    import wordfreq
    classical = set()
    with open(classical_path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                classical.add(line.split("\t")[0].rstrip("\n"))
    everything = expand_all(aff, dic)
    kept = {w: t for w, t in everything.items()
            if w not in classical and wordfreq.zipf_frequency(w.replace("’", "'"), "fr", wordlist="large") >= float(min_zipf)}
    write_forms(kept, out, [
        f"Variant French forms (1990 reform and others) attested by wordfreq with Zipf >= {min_zipf}: Dicollecte",
        "(hunspell-fr-comprehensive 7.0, \"toutes variantes\") minus fr-words.txt, by Dictionaries/build.py.",
        "MPL-2.0: see Dictionaries/NOTICE and LICENSES/MPL-2.0.txt."])


def build_zipf(forms_path, out):
    import wordfreq  # noqa: import here: only this step needs it
    forms = set()
    for path in forms_path.split(","):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    forms.add(line.split("\t")[0].rstrip("\n").lower())
    freqs = wordfreq.get_frequency_dict("fr", wordlist="large")
    rows = {}
    for word, freq in freqs.items():
        key = canonical(word)
        if key in forms and freq > 0:
            zipf = round(math.log10(freq) + 9, 2)
            rows[key] = max(rows.get(key, 0), zipf)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Word frequencies (Zipf: log10 of occurrences per billion words), from wordfreq 3.1.1,\n")
        f.write("# French \"large\" list, restricted to the forms of fr-words.txt and fr-variants.txt (lowercase).\n")
        f.write("# CC-BY-SA 4.0: see Dictionaries/NOTICE and LICENSES/CC-BY-SA-4.0.txt.\n")
        for word in sorted(rows):
            f.write(f"{word}\t{rows[word]:.2f}\n")
    print(f"build.py: {len(rows)} frequencies -> {out}", file=sys.stderr)


def fold(word):
    """Lowercase without accents: `Décidé` -> `decide`."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def build_english(words_path, forms_path, out, min_zipf="3.0", min_length="4"):
    """English words French text quotes (technical terms, titles, names of things): lowercase
    ASCII words of the SCOWL list that wordfreq's English list attests, minus every word that is
    French, or French once its accents are restored (`decide` is `décidé` with its accents lost,
    `reunion` is `réunion`): an OCR that drops accents prints those, and they must stay
    correctable. Words shorter than `min_length` are left out: `er`, `lea`, `dun` are far more
    often a misread French word than English."""
    import re
    import wordfreq  # noqa: import here: only this step needs it
    french_folds = set()
    for path in forms_path.split(","):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    french_folds.add(fold(line.split("\t")[0].rstrip("\n")))
    with open(words_path, encoding="utf-8", errors="replace") as f:
        scowl = {line.strip() for line in f}
    rows = {}
    for word in scowl:
        if len(word) < int(min_length) or not re.fullmatch(r"[a-z]+", word) or word in french_folds:
            continue
        zipf = wordfreq.zipf_frequency(word, "en", wordlist="large")
        if zipf >= float(min_zipf):
            rows[word] = zipf
    with open(out, "w", encoding="utf-8") as f:
        f.write("# English words met in French text, with their English frequency (Zipf), for ocr-clean:\n")
        f.write(f"# lowercase words of SCOWL (Debian wamerican-large 2020.12.07-2) of {min_length} letters or more\n")
        f.write(f"# that wordfreq 3.1.1's English \"large\" list gives Zipf >= {min_zipf}, minus French forms and words that\n")
        f.write("# are French forms without their accents (fr-words.txt, fr-variants.txt). Made by Dictionaries/build.py.\n")
        f.write("# Word list: SCOWL licence; frequencies: CC-BY-SA 4.0. See Dictionaries/NOTICE and LICENSES/.\n")
        for word in sorted(rows):
            f.write(f"{word}\t{rows[word]:.2f}\n")
    print(f"build.py: {len(rows)} English words -> {out}", file=sys.stderr)


def check_forms(forms_path, aff, dic):
    """Every generated form must be a word for the hunspell engine itself."""
    stem = aff[:-4]
    with open(forms_path, encoding="utf-8") as f:
        forms = [l.split("\t")[0].rstrip("\n") for l in f if not l.startswith("#")]
    text = "\n".join(forms) + "\n"
    p = subprocess.run(["hunspell", "-d", stem, "-l"], input=text.encode(), stdout=subprocess.PIPE, check=True)
    rejected = [w for w in p.stdout.decode().split("\n") if w]
    print(f"build.py: {len(rejected)} of {len(forms)} forms rejected by hunspell", file=sys.stderr)
    for w in rejected[:20]:
        print("  " + w, file=sys.stderr)
    return 1 if len(rejected) > len(forms) // 1000 else 0


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "forms" and len(sys.argv) == 5:
        build_forms(*sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] == "variants" and len(sys.argv) in (6, 7):
        build_variants(*sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] == "zipf" and len(sys.argv) == 4:
        build_zipf(*sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] == "english" and len(sys.argv) == 5:
        build_english(*sys.argv[2:])
    elif len(sys.argv) >= 2 and sys.argv[1] == "check-forms" and len(sys.argv) == 5:
        sys.exit(check_forms(*sys.argv[2:]))
    else:
        sys.exit(__doc__)
