package static

import (
	"bufio"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
)

// The URL prefixes the server serves FS at (see the package comment and
// docs/frontend.md): FS at /static/, FS's assets folder at /assets/.
var urlPrefixes = map[string]string{
	"/static/": "",
	"/assets/": "assets/",
}

var keyFiles = []string{
	"VERSIONS",
	"cairn.css",
	"cairn.js",
	"govuk/govuk-frontend.min.css",
	"govuk/govuk-frontend.min.js",
	"govuk/LICENCE",
	"moj/moj-frontend.min.css",
	"moj/moj-frontend.min.js",
	"moj/LICENCE",
	"assets/manifest.json",
	"assets/images/favicon.ico",
	"assets/images/favicon.svg",
	"assets/images/govuk-crest.svg",
	"assets/images/govuk-icon-180.png",
	"assets/images/govuk-icon-mask.svg",
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(FS, name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return string(b)
}

// files returns the names of all files in FS whose name ends in suffix.
func files(t *testing.T, suffix string) []string {
	t.Helper()
	var names []string
	err := fs.WalkDir(FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, suffix) {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func TestKeyFilesExist(t *testing.T) {
	for _, name := range keyFiles {
		fi, err := fs.Stat(FS, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if fi.Size() == 0 {
			t.Errorf("%s is empty", name)
		}
	}
	if _, err := fs.Stat(Assets(), "images/govuk-crest.svg"); err != nil {
		t.Errorf("Assets(): %v", err)
	}
}

func TestNoGoSourcesOrFontsEmbedded(t *testing.T) {
	for _, suffix := range []string{".go", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".map"} {
		if got := files(t, suffix); len(got) > 0 {
			t.Errorf("FS should hold no %s files, has %v", suffix, got)
		}
	}
}

func TestNoGDSTransport(t *testing.T) {
	css := files(t, ".css")
	if len(css) < 3 {
		t.Fatalf("expected at least 3 CSS files, found %v", css)
	}
	for _, name := range css {
		body := strings.ToLower(readFile(t, name))
		if strings.Contains(body, "gds transport") {
			t.Errorf("%s mentions GDS Transport", name)
		}
		if strings.Contains(body, "@font-face") {
			t.Errorf("%s has an @font-face rule", name)
		}
	}
}

// versions parses VERSIONS into package name -> version.
func versions(t *testing.T) map[string]string {
	t.Helper()
	got := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(readFile(t, "VERSIONS")))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			t.Errorf("VERSIONS: malformed line %q", line)
			continue
		}
		got[fields[0]] = fields[1]
	}
	return got
}

func TestVersions(t *testing.T) {
	semver := regexp.MustCompile(`^\d+\.\d+\.\d+$`)
	v := versions(t)
	for _, pkg := range []string{"govuk-frontend", "@ministryofjustice/frontend"} {
		if !semver.MatchString(v[pkg]) {
			t.Errorf("VERSIONS: %s has version %q, want an exact x.y.z", pkg, v[pkg])
		}
	}
	if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(v["vendored"]) {
		t.Errorf("VERSIONS: vendored date %q, want YYYY-MM-DD", v["vendored"])
	}

	// The files must come from the versions VERSIONS names.
	for _, c := range []struct{ pkg, file, want string }{
		{"govuk-frontend", "govuk/govuk-frontend.min.css", `--govuk-frontend-version: "%s"`},
		{"govuk-frontend", "govuk/govuk-frontend.min.js", `version="%s"`},
		{"@ministryofjustice/frontend", "moj/moj-frontend.min.css", `--moj-frontend-version: "%s"`},
	} {
		want := strings.Replace(c.want, "%s", v[c.pkg], 1)
		if !strings.Contains(readFile(t, c.file), want) {
			t.Errorf("%s does not contain %s: is it from %s %s?", c.file, want, c.pkg, v[c.pkg])
		}
	}
}

var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)`)

// resolve maps a URL referenced from the file at name to a path in FS.
// ok is false for URLs that are not served from FS (data:, external).
func resolve(t *testing.T, name, ref string) (p string, ok bool) {
	t.Helper()
	ref, _, _ = strings.Cut(ref, "#")
	ref, _, _ = strings.Cut(ref, "?")
	switch {
	case ref == "",
		strings.HasPrefix(ref, "data:"),
		strings.HasPrefix(ref, "http:"),
		strings.HasPrefix(ref, "https:"),
		strings.HasPrefix(ref, "//"):
		return "", false
	case strings.HasPrefix(ref, "/"):
		for prefix, dir := range urlPrefixes {
			if rest, found := strings.CutPrefix(ref, prefix); found {
				return path.Join(dir, rest), true
			}
		}
		t.Errorf("%s: url %q is not under a served prefix", name, ref)
		return "", false
	default:
		return path.Join(path.Dir(name), ref), true
	}
}

func TestCSSURLsResolve(t *testing.T) {
	seen := 0
	for _, name := range files(t, ".css") {
		for _, m := range cssURL.FindAllStringSubmatch(readFile(t, name), -1) {
			ref := m[1] + m[2] + m[3]
			p, ok := resolve(t, name, ref)
			if !ok {
				continue
			}
			seen++
			if fi, err := fs.Stat(FS, p); err != nil || fi.IsDir() {
				t.Errorf("%s: url(%s) -> %s: not a file in FS", name, ref, p)
			}
		}
	}
	if seen == 0 {
		t.Error("found no url() references to check; has the CSS changed?")
	}
}

func TestManifestIconsResolve(t *testing.T) {
	body := readFile(t, "assets/manifest.json")
	for _, m := range regexp.MustCompile(`"src":\s*"([^"]+)"`).FindAllStringSubmatch(body, -1) {
		p, ok := resolve(t, "assets/manifest.json", m[1])
		if !ok {
			continue
		}
		if _, err := fs.Stat(FS, p); err != nil {
			t.Errorf("assets/manifest.json: icon %s -> %s: %v", m[1], p, err)
		}
	}
}

func TestJavaScript(t *testing.T) {
	for _, name := range []string{"govuk/govuk-frontend.min.js", "moj/moj-frontend.min.js"} {
		body := readFile(t, name)
		if !regexp.MustCompile(`export\s*\{[^}]*\binitAll\b`).MatchString(body) {
			t.Errorf("%s is not an ES module exporting initAll", name)
		}
	}

	// cairn.js's imports must resolve, as must any source map comment.
	imports := regexp.MustCompile(`(?m)^import\s[^'"]*['"]([^'"]+)['"]`)
	cairn := readFile(t, "cairn.js")
	found := imports.FindAllStringSubmatch(cairn, -1)
	if len(found) != 2 {
		t.Errorf("cairn.js: found %d imports, want 2 (GOV.UK and MOJ Frontend)", len(found))
	}
	for _, m := range found {
		if !strings.HasPrefix(m[1], "./") {
			t.Errorf("cairn.js: import %q should be relative to cairn.js", m[1])
		}
		if _, err := fs.Stat(FS, path.Join(".", m[1])); err != nil {
			t.Errorf("cairn.js: import %q: %v", m[1], err)
		}
	}
	for _, class := range []string{"govuk-frontend-supported", "js-enabled"} {
		if !strings.Contains(cairn, "'"+class+"'") {
			t.Errorf("cairn.js does not add the %s class", class)
		}
	}

	for _, name := range files(t, ".js") {
		for _, m := range regexp.MustCompile(`sourceMappingURL=(\S+)`).FindAllStringSubmatch(readFile(t, name), -1) {
			if _, err := fs.Stat(FS, path.Join(path.Dir(name), m[1])); err != nil {
				t.Errorf("%s: source map %s: %v", name, m[1], err)
			}
		}
	}
}

func TestSize(t *testing.T) {
	var total int64
	err := fs.WalkDir(FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		total += fi.Size()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	const limit = 2 << 20
	if total > limit {
		t.Errorf("static assets total %d bytes, over the %d byte budget", total, limit)
	}
	t.Logf("static assets: %d bytes", total)
}
