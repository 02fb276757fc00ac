package letters

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

// FuzzRenderOutcomeLetter feeds arbitrary strings into the text fields. The
// renderer must never panic, and must return either an error or a PDF.
//
// The seeds are short, because the fuzzer spends a long time minimising
// long inputs; repeat multiplies the explanation and next steps so that
// long, multi-page letters are still explored.
func FuzzRenderOutcomeLetter(f *testing.F) {
	f.Add("Northmoor County Council — Children’s Services", "Contact 104233", "Ms Siân Hughes",
		"Zoë Ó Briain", "3 March 2015", "Step down to early help",
		"We agree that Zoë needs support – “now”.\n\nParagraph two, £240.", "Next.",
		"Dr Ngozi Adéyemi-Clarke", "County Hall\nNM1 1AA", int64(20516), uint8(0))
	f.Add("", "R", "N", "", "", "L", "", "", "S", "", int64(1), uint8(1))
	f.Add("\x00\xff\xfe", "\t", "\u202e", "🙂李", "\r\n", "\u200b", "a\n\n\n\nb", "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "S", "\n\n", int64(-1), uint8(200))
	f.Add("long long long long long", "R", "N", "C", "D", "label label label label", "word word word ", "", "S", "x\nx\nx\nx", int64(99), uint8(255))
	f.Fuzz(func(t *testing.T, authority, reference, referrer, child, dob, label, explanation, next, signOff, address string, when int64, repeat uint8) {
		explanation = strings.Repeat(explanation, 1+int(repeat)*4)
		next = strings.Repeat(next, 1+int(repeat)/8)
		l := OutcomeLetter{
			Authority:            authority,
			AuthorityAddress:     strings.Split(address, "\n"),
			Reference:            reference,
			Date:                 time.Unix(when*86400, 0).UTC(),
			ReferrerName:         referrer,
			ReferrerOrganisation: child + referrer,
			ReferrerAddress:      strings.Split(address, "\n"),
			ChildName:            child,
			ChildDateOfBirth:     dob,
			ContactReceived:      time.Unix(when*3600, 0).UTC(),
			DecisionLabel:        label,
			DecisionExplanation:  explanation,
			NextSteps:            next,
			SignOffName:          signOff,
			SignOffRole:          dob,
			Team:                 authority,
			ContactPhone:         reference,
			ContactEmail:         address,
		}
		pdf, err := RenderOutcomeLetter(l)
		if err != nil {
			var mf *MissingFieldError
			var fe *FieldError
			if !errors.As(err, &mf) && !errors.As(err, &fe) && !errors.Is(err, ErrTooLong) {
				t.Fatalf("unexpected kind of error: %v", err)
			}
			if pdf != nil {
				t.Fatal("got a PDF as well as an error")
			}
			return
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("output does not start with %%PDF-: %q", pdf[:min(len(pdf), 16)])
		}
		if !bytes.HasSuffix(bytes.TrimRight(pdf, "\r\n"), []byte("%%EOF")) {
			t.Fatalf("output does not end with %%%%EOF")
		}
	})
}
