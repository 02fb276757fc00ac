package api

import (
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"cairn/internal/app"
	"cairn/internal/csc"
)

// loadOpenAPI parses the embedded document.
func loadOpenAPI(t *testing.T) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(openAPIDocument, &doc); err != nil {
		t.Fatalf("openapi.json does not parse: %v", err)
	}
	return doc
}

func TestOpenAPIIsVersion31(t *testing.T) {
	doc := loadOpenAPI(t)
	v, _ := doc["openapi"].(string)
	if !regexp.MustCompile(`^3\.1\.\d+$`).MatchString(v) {
		t.Errorf("openapi = %q, want 3.1.x", v)
	}
	schemes, _ := dig(doc, "components", "securitySchemes", "bearer").(map[string]any)
	if schemes["type"] != "http" || schemes["scheme"] != "bearer" {
		t.Errorf("bearer security scheme = %v", schemes)
	}
}

var httpMethods = []string{"get", "put", "post", "delete", "patch", "head", "options", "trace"}

// TestOpenAPIMatchesRoutes checks the document and the routing table
// describe the same routes, both ways, and that the public routes (and
// only they) are marked as needing no token.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	paths, _ := doc["paths"].(map[string]any)
	documented := map[string]map[string]any{}
	for p, item := range paths {
		for m, op := range item.(map[string]any) {
			if slices.Contains(httpMethods, m) {
				documented[strings.ToUpper(m)+" "+p] = op.(map[string]any)
			}
		}
	}
	routed := map[string]bool{}
	for _, rt := range routes {
		key := rt.Method + " " + rt.Path
		routed[key] = true
		op, ok := documented[key]
		if !ok {
			t.Errorf("route %s is not in openapi.json", key)
			continue
		}
		sec, declared := op["security"].([]any)
		if public := declared && len(sec) == 0; public != rt.Public {
			t.Errorf("%s: public in the document %v, in the routing table %v", key, public, rt.Public)
		}
		for _, name := range regexp.MustCompile(`\{(\w+)\}`).FindAllStringSubmatch(rt.Path, -1) {
			if !declaresPathParam(doc, paths[rt.Path].(map[string]any), op, name[1]) {
				t.Errorf("%s: path parameter %s is not declared", key, name[1])
			}
		}
	}
	for key := range documented {
		if !routed[key] {
			t.Errorf("openapi.json documents %s, which is not routed", key)
		}
	}
}

func declaresPathParam(doc, item, op map[string]any, name string) bool {
	var params []any
	if p, ok := item["parameters"].([]any); ok {
		params = append(params, p...)
	}
	if p, ok := op["parameters"].([]any); ok {
		params = append(params, p...)
	}
	for _, p := range params {
		pm := p.(map[string]any)
		if r, ok := pm["$ref"].(string); ok {
			pm, _ = resolve(doc, r).(map[string]any)
		}
		if pm["in"] == "path" && pm["name"] == name && pm["required"] == true {
			return true
		}
	}
	return false
}

// TestOpenAPIRefsResolve checks every $ref in the document points at
// something that exists.
func TestOpenAPIRefsResolve(t *testing.T) {
	doc := loadOpenAPI(t)
	n := 0
	walk(doc, func(ref string) {
		n++
		if resolve(doc, ref) == nil {
			t.Errorf("$ref %q does not resolve", ref)
		}
	})
	if n < 50 {
		t.Errorf("only %d $refs found; the walk is broken", n)
	}
}

func walk(v any, visit func(string)) {
	switch v := v.(type) {
	case map[string]any:
		if r, ok := v["$ref"].(string); ok {
			visit(r)
		}
		for _, c := range v {
			walk(c, visit)
		}
	case []any:
		for _, c := range v {
			walk(c, visit)
		}
	}
}

// resolve follows a local JSON pointer such as #/components/schemas/Person.
func resolve(doc map[string]any, ref string) any {
	rest, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return nil
	}
	var cur any = doc
	for _, tok := range strings.Split(rest, "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		if cur, ok = m[tok]; !ok {
			return nil
		}
	}
	return cur
}

func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// schemaTypes pairs each schema in the document with the Go type that
// reads or writes it.
var schemaTypes = map[string]reflect.Type{
	"FieldError": reflect.TypeFor[fieldErrorJSON](), "Person": reflect.TypeFor[personJSON](),
	"PersonInput": reflect.TypeFor[csc.PersonInput](), "PersonUpdate": reflect.TypeFor[personUpdateInput](),
	"PersonMatch": reflect.TypeFor[personMatchJSON](), "SearchResults": reflect.TypeFor[searchJSON](),
	"RelatedPerson": reflect.TypeFor[relatedPersonJSON](), "Relationship": reflect.TypeFor[relationshipJSON](),
	"RelationshipInput": reflect.TypeFor[app.RelationshipInput](), "RestrictionInput": reflect.TypeFor[app.RestrictionInput](),
	"Badge": reflect.TypeFor[badgeJSON](), "Allocation": reflect.TypeFor[allocationJSON](),
	"Referral": reflect.TypeFor[referralJSON](), "Document": reflect.TypeFor[documentJSON](),
	"Oversight": reflect.TypeFor[oversightJSON](), "Event": reflect.TypeFor[eventJSON](),
	"StaffBrief": reflect.TypeFor[staffBriefJSON](), "ChildRecord": reflect.TypeFor[childRecordJSON](),
	"ContactBrief": reflect.TypeFor[contactBriefJSON](), "Contact": reflect.TypeFor[contactJSON](),
	"Referrer": reflect.TypeFor[referrerJSON](), "ReferrerInput": reflect.TypeFor[csc.Referrer](),
	"HouseholdMember": reflect.TypeFor[householdJSON](), "PartnerCheck": reflect.TypeFor[partnerCheckJSON](),
	"QueueItem": reflect.TypeFor[queueItemJSON](), "Queue": reflect.TypeFor[queueJSON](),
	"ContactInput": reflect.TypeFor[csc.ContactInput](), "ScreeningInput": reflect.TypeFor[csc.ScreeningInput](),
	"PartnerCheckInput": reflect.TypeFor[csc.PartnerCheckInput](), "DecisionInput": reflect.TypeFor[csc.DecisionInput](),
	"OversightInput": reflect.TypeFor[oversightInput](), "Team": reflect.TypeFor[teamJSON](),
	"Teams": reflect.TypeFor[teamsJSON](), "TeamInput": reflect.TypeFor[csc.TeamInput](),
	"District": reflect.TypeFor[districtJSON](), "Districts": reflect.TypeFor[districtsJSON](),
	"Staff": reflect.TypeFor[staffJSON](), "StaffList": reflect.TypeFor[staffListJSON](),
	"StaffInput": reflect.TypeFor[csc.StaffInput](), "AuditEntry": reflect.TypeFor[auditEntryJSON](),
	"AuditTrail": reflect.TypeFor[auditJSON](),
}

// TestOpenAPISchemasMatchStructs checks each schema names exactly the JSON
// fields of the Go type behind it, so the document cannot drift from what
// the API reads and writes. The three error schemas together describe
// errorJSON.
func TestOpenAPISchemasMatchStructs(t *testing.T) {
	doc := loadOpenAPI(t)
	schemas, _ := dig(doc, "components", "schemas").(map[string]any)
	errorSchemas := []string{"Error", "ConflictError", "DuplicatesError"}
	for name := range schemas {
		if _, ok := schemaTypes[name]; !ok && !slices.Contains(errorSchemas, name) {
			t.Errorf("schema %s has no Go type in schemaTypes", name)
		}
	}
	for name, typ := range schemaTypes {
		got := schemaProperties(doc, schemas[name])
		if want := jsonFields(typ); !slices.Equal(got, want) {
			t.Errorf("schema %s has properties\n  %v\nbut %v has JSON fields\n  %v", name, got, typ, want)
		}
	}
	var union []string
	for _, name := range errorSchemas {
		union = append(union, schemaProperties(doc, schemas[name])...)
	}
	sort.Strings(union)
	if want := jsonFields(reflect.TypeFor[errorJSON]()); !slices.Equal(slices.Compact(union), want) {
		t.Errorf("error schemas have properties %v, errorJSON has %v", slices.Compact(union), want)
	}
}

// schemaProperties lists a schema's property names, sorted, following
// $ref and merging allOf.
func schemaProperties(doc map[string]any, s any) []string {
	m, _ := s.(map[string]any)
	if r, ok := m["$ref"].(string); ok {
		return schemaProperties(doc, resolve(doc, r))
	}
	var out []string
	props, _ := m["properties"].(map[string]any)
	for p := range props {
		out = append(out, p)
	}
	all, _ := m["allOf"].([]any)
	for _, part := range all {
		out = append(out, schemaProperties(doc, part)...)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// jsonFields lists the names encoding/json gives a struct's fields, sorted,
// with embedded structs flattened.
func jsonFields(t reflect.Type) []string {
	var out []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-":
			continue
		case f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct:
			out = append(out, jsonFields(f.Type)...)
			continue
		case !f.IsExported():
			continue
		case name == "":
			name = f.Name
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// TestOpenAPIFragmentsMerge checks a fragment's paths and schemas join the
// document, and that one repeating a path or schema is refused by name.
func TestOpenAPIFragmentsMerge(t *testing.T) {
	main := `{"openapi":"3.1.0","paths":{"/a":{}},"components":{"schemas":{"A":{}}}}`
	good := fstest.MapFS{"openapi.json": {Data: []byte(main)},
		"openapi/b.json": {Data: []byte(`{"paths":{"/b":{}},"components":{"schemas":{"B":{}}}}`)}}
	b, err := mergeOpenAPI(good)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if dig(doc, "paths", "/b") == nil || dig(doc, "components", "schemas", "B") == nil {
		t.Errorf("fragment not merged: %s", b)
	}
	for name, frag := range map[string]string{
		"path":   `{"paths":{"/a":{}}}`,
		"schema": `{"components":{"schemas":{"A":{}}}}`,
		"json":   `{"paths":`,
	} {
		bad := fstest.MapFS{"openapi.json": {Data: []byte(main)}, "openapi/x.json": {Data: []byte(frag)}}
		if _, err := mergeOpenAPI(bad); err == nil || !strings.Contains(err.Error(), "x.json") {
			t.Errorf("%s: error %v, want one naming x.json", name, err)
		}
	}
}
