package ssda903

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"cairn/internal/returns"
)

// Reference data: optional files some rules need. Both are CSV files with a
// header row, columns found by name in any order, extra columns ignored.
//
// Ofsted providers (--providers), one row per URN:
//
//	URN,PLACE_CODES,PROVIDER_CODES,REG_END,POSTCODE
//	SC123456,K2;K1,PR4,,AB1 2CD
//
// PLACE_CODES and PROVIDER_CODES list the placement types and provider
// codes the URN is registered for, separated by semicolons or spaces;
// REG_END is the day its registration ended (dd/mm/yyyy, blank if it has
// not); POSTCODE is the provider's address.
//
// Postcodes (--postcodes), one row per postcode, as in the ONS postcode
// directory:
//
//	POSTCODE,LA,LAT,LONG
//	AB1 2CD,E09000001,51.5155,-0.0922
//
// LA is the ONS code of the local authority the postcode is in (E…
// England, W… Wales, S… Scotland, N… Northern Ireland); LAT and LONG are
// decimal degrees, from which placement distances are worked out.
//
// Local authority codes (--la-codes), one row per authority, as DfE lists
// them (Get Information about Schools, "local authority" codes):
//
//	LA_CODE,NAME
//	201,City of London
//
// LA_CODE is the three-digit number DfE gives each English authority with
// children's services; NAME and any other columns are ignored.

// Postcode is where one postcode is.
type Postcode struct {
	LA       string
	Lat, Lon float64
}

// normPostcode writes a postcode the one way: capitals, no spaces.
func normPostcode(s string) string {
	return strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
}

// validPostcode reports whether s has the shape of a full UK postcode: one
// or two letters, a digit, an optional letter or digit (the outward code),
// then a digit and two letters.
func validPostcode(s string) bool {
	p := normPostcode(s)
	n := len(p)
	if n < 5 || n > 7 || !isDigit(p[n-3]) || !isLetter(p[n-2]) || !isLetter(p[n-1]) {
		return false
	}
	out := p[:n-3]
	i := 0
	for i < len(out) && i < 2 && isLetter(out[i]) {
		i++
	}
	if i == 0 || i >= len(out) || !isDigit(out[i]) {
		return false
	}
	rest := out[i+1:]
	return len(rest) == 0 || len(rest) == 1 && (isDigit(rest[0]) || isLetter(rest[0]))
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' }

// refTable reads a reference CSV file and calls row for each data row with
// a getter by column name. Every name in need must be a column.
func refTable(name string, r io.Reader, need []string, row func(line int, get func(string) string) error) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM)))
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s: no header row: %v", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToUpper(strings.TrimSpace(h))] = i
	}
	for _, c := range need {
		if _, ok := col[c]; !ok {
			return fmt.Errorf("%s: no %s column (columns needed: %s)", name, c, strings.Join(need, ", "))
		}
	}
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		get := func(c string) string {
			if i, ok := col[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if err := row(line, get); err != nil {
			return fmt.Errorf("%s line %d: %v", name, line, err)
		}
	}
}

func splitCodes(s string) []string {
	return strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == ';' || r == ' ' || r == ',' })
}

// ReadProviders reads an Ofsted provider list (see the file format above).
func ReadProviders(name string, r io.Reader) (map[string]Provider, error) {
	out := map[string]Provider{}
	err := refTable(name, r, []string{"URN", "PLACE_CODES", "PROVIDER_CODES", "REG_END", "POSTCODE"}, func(_ int, get func(string) string) error {
		p := Provider{URN: get("URN"), PlaceCodes: splitCodes(get("PLACE_CODES")), Providers: splitCodes(get("PROVIDER_CODES")),
			Postcode: get("POSTCODE")}
		if p.URN == "" {
			return fmt.Errorf("no URN")
		}
		if end := ParseDate(get("REG_END")); end.Valid() {
			p.RegEnd = end.Date
		} else if !end.Blank() {
			return fmt.Errorf("REG_END %q is not a date written dd/mm/yyyy", end.Raw)
		}
		out[p.URN] = p
		return nil
	})
	return out, err
}

// ReadPostcodes reads a postcode list (see the file format above).
func ReadPostcodes(name string, r io.Reader) (map[string]Postcode, error) {
	out := map[string]Postcode{}
	err := refTable(name, r, []string{"POSTCODE", "LA", "LAT", "LONG"}, func(_ int, get func(string) string) error {
		lat, err1 := strconv.ParseFloat(get("LAT"), 64)
		lon, err2 := strconv.ParseFloat(get("LONG"), 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("LAT and LONG must be decimal degrees")
		}
		out[normPostcode(get("POSTCODE"))] = Postcode{LA: strings.ToUpper(get("LA")), Lat: lat, Lon: lon}
		return nil
	})
	return out, err
}

// ReadLACodes reads a list of DfE local authority codes (see the file
// format above).
func ReadLACodes(name string, r io.Reader) (map[string]bool, error) {
	out := map[string]bool{}
	err := refTable(name, r, []string{"LA_CODE"}, func(_ int, get func(string) string) error {
		c := get("LA_CODE")
		if len(c) != 3 || !isDigit(c[0]) || !isDigit(c[1]) || !isDigit(c[2]) {
			return fmt.Errorf("LA_CODE %q is not a three-digit authority code", clipName(c))
		}
		out[c] = true
		return nil
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%s: no authority codes", name)
	}
	return out, err
}

// withPostcodes makes a check that reads postcodes report itself not run
// when no postcode list was given; withLA also needs the authority's own
// code.
func withPostcodes(c returns.Check[*Dataset]) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		if d.Ref.Postcodes == nil {
			return nil, returns.NeedsData("a postcode list (--postcodes)")
		}
		return c(d)
	}
}

func withLA(c returns.Check[*Dataset]) returns.Check[*Dataset] {
	return func(d *Dataset) ([]returns.Failure, error) {
		if d.Ref.LA == "" {
			return nil, returns.NeedsData("the authority's own ONS code (--la)")
		}
		return c(d)
	}
}

// postcode looks a postcode up.
func (d *Dataset) postcode(s string) (Postcode, bool) {
	if s == "" {
		return Postcode{}, false
	}
	p, ok := d.Ref.Postcodes[normPostcode(s)]
	return p, ok
}

// placementLA is the local authority an episode's placement is in (PL_LA),
// from its postcode; "" when that is not known.
func (d *Dataset) placementLA(e *Episode) string {
	p, _ := d.postcode(e.PLPost)
	return p.LA
}

// distance is the distance in miles from the child's home postcode to the
// placement's (PL_DISTANCE), and whether both postcodes are known.
func (d *Dataset) distance(e *Episode) (float64, bool) {
	a, ok1 := d.postcode(e.HomePost)
	b, ok2 := d.postcode(e.PLPost)
	if !ok1 || !ok2 {
		return 0, false
	}
	return miles(a, b), true
}

// miles is the great-circle distance between two postcodes, rounded to a
// tenth of a mile as the return records it.
func miles(a, b Postcode) float64 {
	const earthMiles = 3958.8
	rad := func(x float64) float64 { return x * math.Pi / 180 }
	dLat, dLon := rad(b.Lat-a.Lat), rad(b.Lon-a.Lon)
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(rad(a.Lat))*math.Cos(rad(b.Lat))*math.Sin(dLon/2)*math.Sin(dLon/2)
	return math.Round(2*earthMiles*math.Asin(math.Sqrt(h))*10) / 10
}

// providerOf looks an episode's URN up in the provider list.
func (d *Dataset) providerOf(e *Episode) (Provider, bool) {
	if e.URN == "" || e.URN == noURN {
		return Provider{}, false
	}
	p, ok := d.Ref.Providers[e.URN]
	return p, ok
}

// noURN is what the return records for a placement with no URN.
const noURN = "XXXXXXX"
