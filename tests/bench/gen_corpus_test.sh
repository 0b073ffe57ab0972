#!/usr/bin/env bash
# bench/gen_corpus end to end: a 50-case corpus is deterministic, ombudsite builds it without
# leaking a planted value, bench/check-leaks finds planted values where they are, and the Hugo
# site of bench/hugo builds a page per case (when hugo is installed).
set -euo pipefail
gen=$1 ombudsite=$2 repo=$3
check=$repo/bench/check-leaks
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "FAIL: $*"
  exit 1
}

"$gen" --seed 7 --kinderen 20 --hugo "$repo/bench/hugo" 50 "$tmp/a" >/dev/null
"$gen" --seed 7 --kinderen 20 --hugo "$repo/bench/hugo" 50 "$tmp/b" >/dev/null
"$gen" --seed 8 50 "$tmp/c" >/dev/null
diff -r "$tmp/a" "$tmp/b" >/dev/null || fail "the same seed gave different corpora"
cmp -s "$tmp/a/planted.txt" "$tmp/c/planted.txt" && fail "another seed gave the same planted values"
[ "$(find "$tmp/a/ombudsite/content/zaken" -name '*.md' | wc -l)" -eq 50 ] || fail "not 50 cases"
[ "$(wc -l <"$tmp/a/planted.txt")" -ge 500 ] || fail "too few planted values"

# Usage errors and an existing corpus are refused.
set +e
"$gen" 0 "$tmp/d" 2>/dev/null; [ $? -eq 2 ] || fail "N = 0 was accepted"
"$gen" --kinderen 101 5 "$tmp/d" 2>/dev/null; [ $? -eq 2 ] || fail "--kinderen 101 was accepted"
"$gen" 5 "$tmp/a" 2>/dev/null; [ $? -eq 1 ] || fail "an existing corpus was overwritten"
set -e

"$ombudsite" build --quiet -s "$tmp/a/ombudsite" -o "$tmp/a/site" || fail "ombudsite build failed"
[ -f "$tmp/a/site/zaken/2016-00001/index.html" ] || fail "no page for case 2016-00001"
"$check" "$tmp/a/planted.txt" "$tmp/a/site" || fail "a planted value leaked"

# The check finds what is there: in the input, and in a site with one value added in lower case.
set +e
"$check" "$tmp/a/planted.txt" "$tmp/a/ombudsite/content/zaken/2016-00001.md" >/dev/null
[ $? -eq 1 ] || fail "check-leaks found nothing in the corpus itself"
name=$(grep -m 1 '^[A-Z][a-z]* [A-Z][a-z]*$' "$tmp/a/planted.txt")
echo "<p>${name,,}</p>" >>"$tmp/a/site/zaken/2016-00001/index.html"
"$check" "$tmp/a/planted.txt" "$tmp/a/site" >/dev/null
[ $? -eq 1 ] || fail "check-leaks missed '${name,,}' added to the site"
set -e

if command -v hugo >/dev/null; then
  hugo --quiet -s "$tmp/a/hugo" -d "$tmp/a/site-hugo" || fail "hugo failed on bench/hugo"
  pages=$(find "$tmp/a/site-hugo/zaken" -mindepth 2 -name index.html -not -path '*/pagina/*' | wc -l)
  [ "$pages" -eq 50 ] || fail "hugo wrote $pages case pages, not 50"
  [ -f "$tmp/a/site-hugo/zaken/pagina/5/index.html" ] || fail "hugo wrote no 5th list page"
else
  echo "hugo not installed: Hugo site not checked"
fi
echo "ok"
