package cin

import "testing"

func TestAllImplemented(t *testing.T) {
	rules, err := Rules("2025-26")
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, r := range rules {
		if r.Check == nil {
			missing = append(missing, r.Code)
		}
	}
	if len(rules) != 109 || len(missing) > 0 {
		t.Errorf("%d rules; not implemented: %v", len(rules), missing)
	}
}
