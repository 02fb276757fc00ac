package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"
)

// maxBodyBytes is the largest request body the API reads: ample for the
// longest free-text fields (20,000 characters each), small enough that no
// client can make the server hold much memory.
const maxBodyBytes = 1 << 20

// decodeJSON reads a request body into v, a pointer to a struct. It is the
// only way a handler reads a body. It insists on Content-Type
// application/json (415), at most 1 MiB (413), one JSON object with no
// trailing data, no fields v does not have, and values of the right type
// (400, naming the field). No message repeats a value from the body.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	if err := checkContentType(r.Header.Get("Content-Type")); err != nil {
		return err
	}
	if r.ContentLength > maxBodyBytes {
		return tooLarge()
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return tooLarge()
	} else if err != nil {
		return &statusError{Status: http.StatusBadRequest, Message: "The request body could not be read."}
	}
	return decodeBody(body, v)
}

func tooLarge() error {
	return &statusError{Status: http.StatusRequestEntityTooLarge,
		Message: fmt.Sprintf("The request body is larger than the API accepts (%d bytes, 1 MiB).", maxBodyBytes)}
}

// checkContentType accepts application/json, with charset UTF-8 if any.
func checkContentType(ct string) error {
	unsupported := &statusError{Status: http.StatusUnsupportedMediaType,
		Message: "Send the request body as JSON, with the header “Content-Type: application/json”."}
	if ct == "" {
		return unsupported
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil || mt != "application/json" {
		return unsupported
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		unsupported.Message = "Send the request body as JSON in UTF-8."
		return unsupported
	}
	return nil
}

// decodeBody decodes one JSON object from body into v. It reads no headers,
// so it can be fuzzed on its own.
func decodeBody(body []byte, v any) error {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return badRequest("", "The request body is empty: send a JSON object.")
	}
	if trimmed[0] != '{' {
		return badRequest("", "The request body must be a JSON object, starting with “{”.")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(body, err)
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		return badRequest("", fmt.Sprintf("The request body must hold a single JSON object, but more follows the object that ends at %s.", position(body, end)))
	}
	return nil
}

// decodeError explains why a body did not decode, without repeating any
// value from it: a type error names the field and the type expected, a
// syntax error where it is.
func decodeError(body []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		// Offset counts the bytes read up to and including the one at fault.
		return badRequest("", fmt.Sprintf("The request body is not valid JSON (%s).", position(body, syn.Offset-1)))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("", fmt.Sprintf("The request body ends before its JSON is complete (%s).", position(body, int64(len(body)))))
	case errors.As(err, &typ):
		if typ.Field == "" {
			return badRequest("", "The request body must be a JSON object.")
		}
		return badRequest(typ.Field, fmt.Sprintf("The field “%s” must be %s.", clip(typ.Field), jsonTypeName(typ.Type)))
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		name = strings.Trim(name, `"`)
		return badRequest(clip(name), fmt.Sprintf("The field “%s” is not part of this request. See the OpenAPI document for the fields it accepts.", clip(name)))
	}
	return badRequest("", "The request body could not be read as JSON.")
}

// position describes the byte at offset off in body by its line and column
// (counted from 1) and its offset (from 0).
func position(body []byte, off int64) string {
	off = min(max(off, 0), int64(len(body)))
	before := body[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int64(len(before)) - int64(bytes.LastIndexByte(before, '\n'))
	return fmt.Sprintf("line %d, column %d, byte offset %d", line, col, off)
}

// jsonTypeName says what JSON a Go type expects, as a client would put it.
func jsonTypeName(t reflect.Type) string {
	if t == nil {
		return "a different type"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array (of elements that are each " + jsonTypeName(t.Elem()) + ")"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Pointer:
		return jsonTypeName(t.Elem())
	}
	return "a different type"
}
