#!/usr/bin/env bash
# Vendor GOV.UK Frontend and MOJ Frontend into internal/web/static/.
#
# Usage: scripts/vendor-frontend.sh [govuk-frontend-version] [moj-frontend-version]
#
# Installs the two packages (and the sass compiler) from the npm registry into
# a temporary directory, compiles each package's Sass with Arial as the font
# (so no "GDS Transport" font-family or @font-face is emitted), and copies the
# minified CSS, the ES module JavaScript bundles, the images the CSS refers to
# and a licence file for each package into internal/web/static/. Only the
# vendored parts of that folder (govuk/, moj/, assets/, VERSIONS) are replaced;
# cairn.css, cairn.js and the Go files are left alone.
#
# See docs/frontend.md for what is vendored and how it must be served.
set -euo pipefail

# Defaults: the latest GOV.UK Frontend 5.x, and the latest MOJ Frontend whose
# peerDependencies accept it (MOJ Frontend 9+ requires govuk-frontend ^6).
GOVUK_VERSION="${1:-5.14.0}"
MOJ_VERSION="${2:-8.0.1}"
# The Sass compiler used for the build; it is not vendored. GOV.UK Frontend 5
# still uses @import internally, which Dart Sass 3 will drop, so keep it pinned.
SASS_VERSION="${SASS_VERSION:-1.108.2}"

MOJ_PKG="@ministryofjustice/frontend"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$repo_root/internal/web/static"

log() { printf 'vendor-frontend: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

command -v npm >/dev/null || die "npm is required"
command -v node >/dev/null || die "node is required"
[[ -d "$dest" ]] || mkdir -p "$dest"

work="$(mktemp -d "${TMPDIR:-/tmp}/vendor-frontend.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------------------
# 1. Install into the temporary directory.
#
# npm (7+) refuses to install when MOJ Frontend's peerDependencies do not
# accept the requested govuk-frontend version, which is the compatibility
# check we want. --ignore-scripts: nothing here needs an install script.
# ---------------------------------------------------------------------------
log "installing govuk-frontend@$GOVUK_VERSION $MOJ_PKG@$MOJ_VERSION sass@$SASS_VERSION"
cat >"$work/package.json" <<'EOF'
{ "name": "cairn-vendor-frontend", "private": true }
EOF
(
  cd "$work"
  npm install --no-audit --no-fund --ignore-scripts --save-exact \
    --loglevel=error \
    "govuk-frontend@$GOVUK_VERSION" "$MOJ_PKG@$MOJ_VERSION" "sass@$SASS_VERSION" >&2
)

nm="$work/node_modules"
govuk_pkg="$nm/govuk-frontend"
moj_pkg="$nm/$MOJ_PKG"
govuk_dist="$govuk_pkg/dist/govuk"
moj_dist="$moj_pkg/moj"

pkg_field() { # pkg_field DIR FIELD -> prints package.json field
  node -e 'const p=require(process.argv[1]+"/package.json"); const v=p[process.argv[2]]; process.stdout.write(typeof v==="string"?v:JSON.stringify(v??""))' "$1" "$2"
}
lock_field() { # lock_field PKGNAME FIELD -> field from npm's lockfile
  node -e 'const l=require(process.argv[1]); const e=l.packages["node_modules/"+process.argv[2]]||{}; process.stdout.write(String(e[process.argv[3]]??""))' \
    "$work/package-lock.json" "$1" "$2"
}

govuk_got="$(pkg_field "$govuk_pkg" version)"
moj_got="$(pkg_field "$moj_pkg" version)"
sass_got="$(pkg_field "$nm/sass" version)"
log "installed govuk-frontend $govuk_got, $MOJ_PKG $moj_got, sass $sass_got"

for f in "$govuk_dist/govuk-frontend.min.js" "$govuk_dist/index.scss" \
  "$govuk_dist/assets/images" "$moj_dist/moj-frontend.min.js" "$moj_dist/all.scss"; do
  [[ -e "$f" ]] || die "expected $f in the installed packages; has the package layout changed?"
done

# ---------------------------------------------------------------------------
# 2. Compile the CSS from the Sass sources with Arial instead of GDS Transport.
#
# GOV.UK Transport may only be used on gov.uk domains, so we use the fallback
# font stack and do not emit its @font-face rules. MOJ Frontend configures
# GOV.UK Frontend's settings from its own $moj-* settings (and hard-codes
# $moj-include-default-font-face: false), so it needs $moj-font-family.
# Asset paths keep their defaults: both stylesheets refer to /assets/images/.
# ---------------------------------------------------------------------------
mkdir -p "$work/build"
cat >"$work/build/govuk.scss" <<'EOF'
@use "govuk-frontend/dist/govuk/index" with (
  $govuk-font-family: (arial, sans-serif),
  $govuk-include-default-font-face: false
);
EOF
cat >"$work/build/moj.scss" <<'EOF'
@use "@ministryofjustice/frontend/moj/all" with (
  $moj-font-family: (arial, sans-serif)
);
EOF

sass_build() { # sass_build IN OUT
  # --load-path=. lets MOJ's vendor/govuk-frontend/_base.scss resolve
  # "node_modules/govuk-frontend/..."; --quiet-deps hides the deprecation
  # warnings raised inside the packages themselves (@import, if()).
  (cd "$work" && "$nm/.bin/sass" --no-source-map --style=compressed --quiet-deps \
    --load-path=node_modules --load-path=. "$1" "$2")
}
log "compiling Sass"
sass_build build/govuk.scss build/govuk-frontend.min.css
sass_build build/moj.scss build/moj-frontend.min.css

for css in "$work/build/govuk-frontend.min.css" "$work/build/moj-frontend.min.css"; do
  if grep -qi 'GDS Transport' "$css"; then die "$(basename "$css") still mentions GDS Transport"; fi
  if grep -q '@font-face' "$css"; then die "$(basename "$css") contains an @font-face rule"; fi
done

# url(...) targets in a stylesheet, without quotes, one a line.
css_urls() {
  grep -o 'url([^)]*)' "$1" | sed -E 's/^url\(["'\'' ]*//; s/["'\'' ]*\)$//' | sort -u
}

# ---------------------------------------------------------------------------
# 3. Stage the output, then swap it into place.
# ---------------------------------------------------------------------------
out="$work/out"
mkdir -p "$out/govuk" "$out/moj" "$out/assets/images"

cp "$work/build/govuk-frontend.min.css" "$out/govuk/"
cp "$work/build/moj-frontend.min.css" "$out/moj/"
# The ES module bundles. The source maps are not vendored, so drop the
# sourceMappingURL comment rather than point browsers' dev tools at a 404.
strip_map() { sed -E '$ s@//# sourceMappingURL=[^[:space:]]*$@@' "$1"; }
strip_map "$govuk_dist/govuk-frontend.min.js" >"$out/govuk/govuk-frontend.min.js"
strip_map "$moj_dist/moj-frontend.min.js" >"$out/moj/moj-frontend.min.js"
for js in "$out/govuk/govuk-frontend.min.js" "$out/moj/moj-frontend.min.js"; do
  grep -q 'export{[^}]*initAll' "$js" || die "$(basename "$js") is not an ES module exporting initAll"
  if grep -q 'sourceMappingURL' "$js"; then die "could not strip the sourceMappingURL from $(basename "$js")"; fi
done

# GOV.UK images (favicons, crest, icons) and the web app manifest, at the
# paths the CSS and GOV.UK's page template expect under /assets/. The fonts
# in assets/fonts are deliberately not copied (see docs/frontend.md), nor is
# assets/rebrand (the 2025 brand refresh's icons; only the template uses them).
cp "$govuk_dist"/assets/images/* "$out/assets/images/"
if [[ -f "$govuk_dist/assets/manifest.json" ]]; then
  cp "$govuk_dist/assets/manifest.json" "$out/assets/manifest.json"
fi

# MOJ images: only those the compiled MOJ stylesheet refers to.
while IFS= read -r url; do
  case "$url" in
    /assets/images/*) ;;
    data:*) continue ;;
    *) die "moj-frontend.min.css refers to $url, outside /assets/images/" ;;
  esac
  name="${url#/assets/images/}"
  src="$moj_dist/assets/images/$name"
  [[ -f "$src" ]] || die "moj-frontend.min.css refers to $url but $src does not exist"
  if [[ -e "$out/assets/images/$name" ]] && ! cmp -s "$src" "$out/assets/images/$name"; then
    die "MOJ image $name would overwrite a different GOV.UK image of the same name"
  fi
  cp "$src" "$out/assets/images/$name"
done < <(css_urls "$out/moj/moj-frontend.min.css")

# Every /assets/ or relative url() in the CSS must resolve to a copied file
# (the server maps /assets/ to static/assets/; see docs/frontend.md).
for css in "$out/govuk/govuk-frontend.min.css" "$out/moj/moj-frontend.min.css"; do
  while IFS= read -r url; do
    case "$url" in
      data:* | http:* | https:* | //* | '#'*) continue ;;
      /assets/*) path="$out/assets/${url#/assets/}" ;;
      /*) die "$(basename "$css") refers to $url, which is not under /assets/" ;;
      *) path="$(dirname "$css")/$url" ;;
    esac
    [[ -f "${path%%[?#]*}" ]] || die "$(basename "$css"): url($url) does not resolve to a vendored file"
  done < <(css_urls "$css")
done

# Licences. Neither npm package ships a licence file (both declare "MIT" in
# package.json), so if none is found, write the MIT licence text from each
# project's repository (alphagov/govuk-frontend LICENSE.txt and
# ministryofjustice/moj-frontend LICENSE).
write_licence() { # write_licence PKGDIR OUTFILE COPYRIGHT-LINE
  local pkgdir="$1" outfile="$2" copyright="$3" f licence
  licence="$(pkg_field "$pkgdir" license)"
  for f in "$pkgdir"/LICEN[CS]E "$pkgdir"/LICEN[CS]E.* "$pkgdir"/licen[cs]e "$pkgdir"/licen[cs]e.*; do
    if [[ -f "$f" ]]; then
      cp "$f" "$outfile"
      return
    fi
  done
  [[ "$licence" == "MIT" ]] || die "$(pkg_field "$pkgdir" name) is licensed '$licence', not MIT: review before vendoring"
  cat >"$outfile" <<EOF
The MIT License (MIT)

$copyright

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.

---
The npm package $(pkg_field "$pkgdir" name)@$(pkg_field "$pkgdir" version) declares
"license": "MIT" but ships no licence file; this text is the licence in the
project's source repository.
EOF
}
write_licence "$govuk_pkg" "$out/govuk/LICENCE" \
  "Copyright (C) 2017 Crown Copyright (Government Digital Service)"
write_licence "$moj_pkg" "$out/moj/LICENCE" \
  "Copyright (c) 2019 Ministry of Justice"

cat >"$out/VERSIONS" <<EOF
# Front-end packages vendored into internal/web/static/ by
# scripts/vendor-frontend.sh. Do not edit by hand: re-run the script.
# Format: npm package name, exact version, npm integrity of the tarball.
govuk-frontend $govuk_got $(lock_field govuk-frontend integrity)
$MOJ_PKG $moj_got $(lock_field "$MOJ_PKG" integrity)
# Build tool only (compiles the CSS from the packages' Sass); not vendored.
sass $sass_got $(lock_field sass integrity)
vendored $(date -u +%Y-%m-%d)
EOF

# Swap into place: only the vendored paths are replaced.
rm -rf "$dest/govuk" "$dest/moj" "$dest/assets"
cp -R "$out/govuk" "$out/moj" "$out/assets" "$dest/"
cp "$out/VERSIONS" "$dest/VERSIONS"

total="$(find "$dest/govuk" "$dest/moj" "$dest/assets" "$dest/VERSIONS" -type f -print0 | xargs -0 cat | wc -c)"
log "vendored govuk-frontend $govuk_got and $MOJ_PKG $moj_got into ${dest#"$repo_root"/} ($total bytes)"
