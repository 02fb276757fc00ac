package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"cairn/internal/csc"
)

func TestDecodeBody(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		field      string // the field the error names; "" for the body as a whole
		message    string // part of the message; "" when the body decodes
	}{
		{name: "valid", body: `{"child_id": 4, "referrer": {"name": "Dr Patel"}, "household_ids": [5, 6]}`},
		{name: "whitespace around", body: " \n\t{\"child_id\": 4}\r\n "},
		{name: "empty", body: "", message: "empty"},
		{name: "spaces only", body: "   ", message: "empty"},
		{name: "null", body: "null", message: "must be a JSON object"},
		{name: "string", body: `"hello"`, message: "must be a JSON object"},
		{name: "syntax", body: "{\"child_id\": 4,\n\"source\" \"3A\"}", message: "line 2, column"},
		{name: "truncated", body: `{"child_id": 4`, message: "ends before"},
		{name: "trailing object", body: `{"child_id": 4}{}`, message: "single JSON object"},
		{name: "trailing garbage", body: `{"child_id": 4} x`, message: "single JSON object"},
		{name: "unknown", body: `{"child_id": 4, "childId": 5}`, field: "childId", message: "not part of this request"},
		{name: "unknown nested", body: `{"referrer": {"nickname": "x"}}`, field: "nickname", message: "not part of this request"},
		{name: "int as string", body: `{"child_id": "4"}`, field: "child_id", message: "a whole number"},
		{name: "fraction", body: `{"child_id": 4.5}`, field: "child_id", message: "a whole number"},
		{name: "overflow", body: `{"child_id": 99999999999999999999}`, field: "child_id", message: "a whole number"},
		{name: "bool as string", body: `{"out_of_hours": "yes"}`, field: "out_of_hours", message: "true or false"},
		{name: "array element", body: `{"household_ids": ["a"]}`, field: "household_ids", message: "whole number"},
		{name: "object as string", body: `{"referrer": "Dr Patel"}`, field: "referrer", message: "an object"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var in csc.ContactInput
			err := decodeBody([]byte(tc.body), &in)
			if tc.message == "" {
				if err != nil {
					t.Fatalf("error %v, want none", err)
				}
				return
			}
			se, ok := err.(*statusError)
			if !ok || se.Status != http.StatusBadRequest {
				t.Fatalf("error %#v, want a 400", err)
			}
			if !strings.Contains(se.Message, tc.message) {
				t.Errorf("message %q lacks %q", se.Message, tc.message)
			}
			if tc.field == "" && len(se.Fields) != 0 || tc.field != "" && (len(se.Fields) != 1 || se.Fields[0].Field != tc.field) {
				t.Errorf("fields %+v, want one naming %q (none for \"\")", se.Fields, tc.field)
			}
		})
	}
}

// TestDecodeNeverEchoesValues checks a type error about an identifier does
// not repeat it.
func TestDecodeNeverEchoesValues(t *testing.T) {
	var in csc.PersonInput
	err := decodeBody([]byte(`{"nhs_number": 9434765919}`), &in)
	if err == nil || strings.Contains(err.Error(), "9434765919") || strings.Contains(err.Error(), "943") {
		t.Errorf("error %v repeats the value, or is missing", err)
	}
}

func TestContentTypes(t *testing.T) {
	for ct, ok := range map[string]bool{
		"application/json": true, "application/json; charset=utf-8": true, "Application/JSON; charset=UTF-8": true,
		"": false, "text/plain": false, "application/json; charset=latin1": false, "application/x-www-form-urlencoded": false,
		"application/json-patch+json": false, "multipart/form-data; boundary=x": false, ";;": false,
	} {
		if err := checkContentType(ct); (err == nil) != ok {
			t.Errorf("%q: error %v, want accepted %v", ct, err, ok)
		}
	}
}

func TestBodyLimit(t *testing.T) {
	var in csc.PersonInput
	exact := `{"given_name": "` + strings.Repeat("a", maxBodyBytes-len(`{"given_name": ""}`)) + `"}`
	for _, tc := range []struct {
		body   string
		status int
	}{{exact, 0}, {exact + " ", http.StatusRequestEntityTooLarge}} {
		r := httptest.NewRequest("POST", "/api/v1/people", strings.NewReader(tc.body))
		r.Header.Set("Content-Type", "application/json")
		r.ContentLength = -1 // make the reader, not the header, find the limit
		err := decodeJSON(httptest.NewRecorder(), r, &in)
		if got := 0; err != nil {
			got = statusOf(err)
			if got != tc.status {
				t.Errorf("%d bytes: status %d, want %d", len(tc.body), got, tc.status)
			}
		} else if tc.status != 0 {
			t.Errorf("%d bytes: accepted, want %d", len(tc.body), tc.status)
		}
	}
}

func TestPositiveInt(t *testing.T) {
	for s, want := range map[string]int64{"1": 1, "42": 42, "9223372036854775807": 9223372036854775807,
		"0": 0, "-1": 0, "+1": 0, "1.0": 0, "1e3": 0, " 1": 0, "abc": 0, "": 0, "9223372036854775808": 0, "٣": 0} {
		got, ok := positiveInt(s)
		if (want != 0) != ok || got != want && ok {
			t.Errorf("positiveInt(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
}

// FuzzDecodeJSON checks the body decoder on arbitrary input: it never
// panics, and it either decodes a value (from valid JSON) or returns a 400
// or 413 with a message.
func FuzzDecodeJSON(f *testing.F) {
	for _, seed := range []string{
		`{"child_id": 4, "received_at": "2026-03-02T08:15:00Z", "source": "3A", "referrer": {"name": "Dr Patel"}}`,
		`{"household_ids": [1, 2, 3], "out_of_hours": true}`, `{}`, `{"a":1}`, `[]`, `null`, `{"child_id": 1e400}`,
		`{"referrer": {"name": "\ud800"}}`, "{\"child_id\": 4}\n{}", `{"child_id":`, "\xef\xbb\xbf{}", `{"child_id": -0}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c csc.ContactInput
		err := decodeBody(data, &c)
		if err == nil {
			if !json.Valid(data) {
				t.Fatalf("accepted invalid JSON %q", data)
			}
			if _, merr := json.Marshal(c); merr != nil {
				t.Fatalf("decoded value does not marshal: %v", merr)
			}
			return
		}
		se, ok := err.(*statusError)
		if !ok || se.Status != http.StatusBadRequest || se.Message == "" {
			t.Fatalf("error %#v: want a 400 with a message", err)
		}
		var p personUpdateInput
		_ = decodeBody(data, &p)
	})
}
