package cin

import (
	"encoding/xml"
	"os"
	"testing"
)

// xsdNode is an element of the schema file.
type xsdNode struct {
	XMLName xml.Name
	Name    string    `xml:"name,attr"`
	Type    string    `xml:"type,attr"`
	Kids    []xsdNode `xml:",any"`
}

// TestSchemaMatchesReader checks the 2025/26 schema kept in the repository
// and the reader agree: every element the schema allows is read where the
// schema puts it, the schema has Sex and the pre-proceedings block, and not
// GenderCurrent.
func TestSchemaMatchesReader(t *testing.T) {
	data, err := os.ReadFile("schema/CIN_schema_2025-26.xsd")
	if err != nil {
		t.Fatal(err)
	}
	var root xsdNode
	if err := xml.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	// Named complex types, and the elements declared in each.
	types := map[string]xsdNode{}
	for _, k := range root.Kids {
		if k.XMLName.Local == "complexType" {
			types[k.Name] = k
		}
	}
	type pair struct{ parent, name string }
	var pairs []pair
	var walk func(parent string, n xsdNode)
	walk = func(parent string, n xsdNode) {
		for _, k := range n.Kids {
			if k.XMLName.Local != "element" {
				walk(parent, k)
				continue
			}
			pairs = append(pairs, pair{parent, k.Name})
			if ct, ok := types[k.Type]; ok {
				walk(k.Name, ct)
			}
			walk(k.Name, k)
		}
	}
	walk("", xsdNode{Kids: []xsdNode{{XMLName: xml.Name{Local: "element"}, Name: "Message", Type: "messagetype"}}})
	seen := map[string]bool{}
	for _, p := range pairs {
		seen[p.name] = true
	}
	for _, want := range []string{"Sex", "PreProceedingsandFGDM", "PPStartDate", "CPPreviewDate"} {
		if !seen[want] {
			t.Errorf("schema has no %s", want)
		}
	}
	if seen["GenderCurrent"] {
		t.Error("schema still has GenderCurrent")
	}
	if len(pairs) < 60 {
		t.Fatalf("only %d elements found in the schema", len(pairs))
	}
	// Each element under a Child must be one the reader opens there; the
	// Header's elements must be ones it reads.
	r := &Reader{c: &Child{CIN: []CINDetails{{Assessments: []Assessment{{}}, Plans: []CINPlan{{}}, S47: []Section47{{}},
		CPP: []ProtectionPlan{{}}, PreProceedings: []PreProceedings{{}}}}}, sc: newScanner(nil, 1)}
	inChild := map[string]bool{"Child": true}
	for _, p := range pairs {
		if !inChild[p.parent] {
			if p.name == "Child" {
				continue
			}
			r.stack = []frame{{name: "Message"}, {name: p.parent}}
			if p.parent != "" && p.parent != "Message" && p.parent != "Children" && !r.knownOutside(p.name) {
				t.Errorf("the reader does not read %s under %s", p.name, p.parent)
			}
			continue
		}
		inChild[p.name] = true
		r.stack = []frame{{name: p.parent}}
		if !r.open(p.name, 1) {
			t.Errorf("the reader does not read %s under %s", p.name, p.parent)
		}
	}
}
