#!/usr/bin/env bash
# Builds the example site and validates robots.txt -> sitemap indexes -> sitemaps against the
# DiWoo and sitemaps.org schemas in ../shared/schemas, as the national Woo-index would read them.
set -euo pipefail
binary=$1 source=$2 shared=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$binary" build -s "$source" -o "$out/site" --quiet
cd "$out/site"
fail=0
mapfile -t indexes < <(sed -n 's|^Sitemap: https\?://[^/]*/\(sitemaps/sitemapindex-diwoo-infocat[0-9]\{3\}\.xml\)$|\1|p' robots.txt)
[ ${#indexes[@]} -gt 0 ] || { echo "robots.txt lists no DiWoo sitemap index"; exit 1; }
grep -q '^Sitemap: .*/sitemap.xml$' robots.txt || { echo "robots.txt lacks sitemap.xml"; fail=1; }
sitemaps=0
for index in "${indexes[@]}"; do
  [ -f "$index" ] || { echo "missing $index"; fail=1; continue; }
  xmllint --noout --schema "$shared/schemas/sitemap/siteindex.xsd" "$index" || fail=1
  while read -r map; do
    [ -f "$map" ] || { echo "missing $map (listed in $index)"; fail=1; continue; }
    xmllint --noout --schema "$shared/schemas/woo-sitemap.xsd" "$map" || fail=1
    sitemaps=$((sitemaps + 1))
  done < <(sed -n 's|.*<loc>https\?://[^/]*/\(sitemaps/[^<]*\)</loc>.*|\1|p' "$index")
done
xmllint --noout --schema "$shared/schemas/sitemap/sitemap.xsd" sitemap.xml || fail=1
grep -q 'infocat017' robots.txt || { echo "no klachtoordelen index"; fail=1; }
# Every published zaakverslag is in the klachtoordelen sitemap, with its JSON twin beside its page.
for page in zaken/*/index.html; do
  id=${page#zaken/}; id=${id%/index.html}
  [ "$id" = pagina ] && continue
  grep -q "/zaken/$id/</loc>" sitemaps/sitemap-klachtoordelen-*.xml || { echo "zaak $id not in sitemap"; fail=1; }
  [ -f "zaken/$id.json" ] || { echo "zaak $id has no JSON twin"; fail=1; }
done
xmllint --noout atom.xml || fail=1
echo "sitemaps: ${#indexes[@]} indexes, $sitemaps sitemaps checked"
exit $fail
