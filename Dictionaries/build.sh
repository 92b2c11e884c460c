#!/usr/bin/env bash
# Rebuilds fr-words.txt, fr-variants.txt, fr-zipf.tsv and en-words.tsv from their sources:
#   Debian 12 packages hunspell-fr-classical and hunspell-fr-comprehensive (1:7.0-1, MPL-2.0)
#   Debian 12 package wamerican-large (2020.12.07-2, SCOWL licence)
#   PyPI wordfreq 3.1.1 (data CC-BY-SA 4.0)
# Needs apt-get (downloads only, nothing is installed), dpkg-deb, python3 with venv, hunspell
# (optional: checks that every form is accepted by the hunspell engine itself).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download hunspell-fr-classical=1:7.0-1 hunspell-fr-comprehensive=1:7.0-1 wamerican-large=2020.12.07-2 >/dev/null
dpkg-deb -x hunspell-fr-classical_*.deb classical
dpkg-deb -x hunspell-fr-comprehensive_*.deb comprehensive
dpkg-deb -x wamerican-large_*.deb english
python3 -m venv venv
venv/bin/pip install -q wordfreq==3.1.1
classical=classical/usr/share/hunspell/fr
comprehensive=comprehensive/usr/share/hunspell/fr
venv/bin/python "$here/build.py" forms "$classical.aff" "$classical.dic" "$here/fr-words.txt"
venv/bin/python "$here/build.py" variants "$here/fr-words.txt" "$comprehensive.aff" "$comprehensive.dic" "$here/fr-variants.txt" 2.0
venv/bin/python "$here/build.py" zipf "$here/fr-words.txt,$here/fr-variants.txt" "$here/fr-zipf.tsv"
venv/bin/python "$here/build.py" english english/usr/share/dict/american-english-large "$here/fr-words.txt,$here/fr-variants.txt" "$here/en-words.tsv"
if command -v hunspell >/dev/null; then
    venv/bin/python "$here/build.py" check-forms "$here/fr-words.txt" "$classical.aff" "$classical.dic" || true
fi
