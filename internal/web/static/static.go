// Package static holds cairn's browser assets, embedded into the binary:
// GOV.UK Frontend and MOJ Frontend (vendored by scripts/vendor-frontend.sh,
// with their CSS rebuilt to use Arial rather than GDS Transport), cairn's
// own cairn.css and cairn.js, and the images the stylesheets refer to.
//
// FS holds, at its root:
//
//	cairn.css, cairn.js            cairn's overrides and the ES module that starts both libraries
//	govuk/govuk-frontend.min.css   GOV.UK Frontend CSS, JS (ES module) and LICENCE
//	govuk/govuk-frontend.min.js
//	moj/moj-frontend.min.css       MOJ Frontend CSS, JS (ES module) and LICENCE
//	moj/moj-frontend.min.js
//	assets/images/...              favicons, crest and icons, referenced by the CSS as /assets/images/...
//	assets/manifest.json           GOV.UK's web app manifest (refers to images/... relative to itself)
//	VERSIONS                       exact package versions and the date vendored
//
// The server must serve FS at /static/ and its assets folder at /assets/,
// because the compiled CSS refers to /assets/images/... by absolute path:
//
//	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static.FS)))
//	mux.Handle("GET /assets/", http.StripPrefix("/assets/", http.FileServerFS(static.Assets())))
//
// docs/frontend.md gives the page markup (link and script tags, and the
// classes GOV.UK Frontend expects on html and body) and how to update the
// vendored packages.
package static

import (
	"embed"
	"io/fs"
)

// FS is the static folder: the vendored front-end packages, the images the
// CSS refers to, cairn.css and cairn.js. The Go sources are not in it.
//
//go:embed VERSIONS cairn.css cairn.js govuk moj assets
var FS embed.FS

// Assets returns the assets folder of FS, to be served at /assets/.
func Assets() fs.FS {
	sub, err := fs.Sub(FS, "assets")
	if err != nil {
		// fs.Sub fails only for an invalid path, and "assets" is valid.
		panic(err)
	}
	return sub
}
