package letters

import _ "embed"

// The letters are set in Liberation Sans, which is metric-compatible with
// Arial and licensed under the SIL Open Font License 1.1 (see fonts/LICENSE).
// The TrueType files are the ones shipped by Debian's fonts-liberation2
// package, version 2.1.5.

//go:embed fonts/LiberationSans-Regular.ttf
var fontRegular []byte

//go:embed fonts/LiberationSans-Bold.ttf
var fontBold []byte

const (
	familyRegular = "LiberationSans"
	familyBold    = "LiberationSans-Bold"
)
