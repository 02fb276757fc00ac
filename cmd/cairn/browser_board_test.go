package main

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"cairn/internal/pdfdoc"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// choose picks, in the select matched by sel, the option whose text
// contains text.
func choose(sel, text string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var res string
		err := chromedp.Evaluate(fmt.Sprintf(`(() => {
			const s = document.querySelector(%q);
			if (!s) return "no select " + %q;
			const o = [...s.options].find(o => o.textContent.includes(%q));
			if (!o) return "no option " + %q;
			s.value = o.value;
			return "";
		})()`, sel, sel, text, text), &res).Do(ctx)
		if err == nil && res != "" {
			err = errors.New(res)
		}
		return err
	})
}

// awaitPromise makes an Evaluate wait for the promise its script returns.
func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

// pdfTextOf reads a PDF's text with pdftotext, skipping the check where it
// is not installed unless CAIRN_REQUIRE_PDFTOOLS=1.
func pdfTextOf(t *testing.T, pdf []byte) string {
	t.Helper()
	text, _, err := pdfdoc.Text(context.Background(), pdf)
	if errors.Is(err, pdfdoc.ErrNoReader) {
		if os.Getenv("CAIRN_REQUIRE_PDFTOOLS") == "1" {
			t.Fatal("pdftotext is not installed, and CAIRN_REQUIRE_PDFTOOLS=1 requires it")
		}
		t.Log("pdftotext is not installed: the board pack's text is not checked")
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(text), " ")
}

// TestBrowserImprovementBoardJourney is the improvement loop in the real
// binary, as the head of service works it on Tuesday 10 March 2026: record
// a focused visit and paste its letter's "what needs to improve" list,
// which becomes four findings; turn two of them into plan actions, one
// already overdue, and record a quarterly update; meet the improvement
// board, raise a resolution and download the board pack; and see that the
// overdue action and the findings no action answers are flagged, on the
// plan and in the pack.
func TestBrowserImprovementBoardJourney(t *testing.T) {
	chromiumPath(t)
	if testing.Short() {
		t.Skip("browser journey skipped in -short mode")
	}
	d := newDemo(t)
	d.run("2026-03-10T09:00")
	ctx, cancel := browser(t)
	defer cancel()
	do, follow := steps(t, ctx)
	base := d.base
	text := func(name, sel string) string {
		t.Helper()
		var s string
		do(name, chromedp.Text(sel, &s, chromedp.ByQuery))
		return s
	}
	shows := func(where, got string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s does not show %q; it shows:\n%.3000s", where, w, got)
			}
		}
	}

	signIn(do, follow, base, "leader")
	follow("the inspection register", chromedp.Navigate(base+"/improvement/inspections/new"))
	do("the focused visit", fill(`form[action="/improvement/inspections"]`, map[string]string{"kind": "focused_visit",
		"notice_date": "2026-02-17", "onsite_start": "2026-03-03", "onsite_end": "2026-03-04", "inspectors": "Two inspectors",
		"focus": "Children in need and children subject to a child protection plan"}))
	follow("save the focused visit", submit(`form[action="/improvement/inspections"]`))
	letter := "What needs to improve in this area of social work practice\n" +
		"• The capacity and stability of the workforce, which in some teams\n  leads to inconsistent practice.\n" +
		"• Exploration of children's identity needs in assessments.\n" +
		"• The assessment of the needs of young people who present as homeless.\n" +
		"• Ensuring that actions from case audits are completed in a timely way.\n"
	do("paste the letter's list", fill(`form[action$="/findings/draft"]`, map[string]string{"kind": "improvement", "pasted": letter}))
	follow("split it into findings", submit(`form[action$="/findings/draft"]`))
	shows("the findings to check", text("the findings to check", "main"), "Check the findings", "Finding 4")
	follow("save the findings", submit(`form[action$="/findings"]`))
	shows("the focused visit", text("the focused visit", "main"), "Focused visit", "4 findings",
		"The capacity and stability of the workforce, which in some teams leads to inconsistent practice.",
		"Exploration of children's identity needs in assessments.", "No action")
	var addAction []string
	do("the findings' links to add an action", chromedp.Evaluate(
		`[...document.querySelectorAll('a[href^="/improvement/actions/new?finding="]')].map(a => a.getAttribute('href'))`, &addAction))
	if len(addAction) != 4 {
		t.Fatalf("%d findings offer an action, want 4", len(addAction))
	}

	// The workforce finding: an action already past its due date, with a
	// quarterly update.
	follow("an action for the workforce finding", chromedp.Navigate(base+addAction[0]))
	do("the action", fill(`form[action="/improvement/actions"]`, map[string]string{"title": "Recruit and keep social workers in the teams with the highest turnover",
		"theme": "workforce", "start": "2025-10-01", "due": "2026-02-27"}), choose(`#owner_id`, "Lee Leader"))
	follow("save the action", submit(`form[action="/improvement/actions"]`))
	do("the quarterly update", fill(`form[action$="/updates"]`, map[string]string{"quarter": "2025-26 Q4",
		"narrative": "Twelve social workers recruited; the retention offer is agreed.", "percent": "60"}))
	follow("record the update", submit(`form[action$="/updates"]`))
	shows("the overdue action", text("the overdue action", "main"), "Twelve social workers recruited", "60%", "Red")

	// The identity finding: an action on track. The other two findings are
	// left without one.
	follow("an action for the identity finding", chromedp.Navigate(base+addAction[1]))
	do("the action", fill(`form[action="/improvement/actions"]`, map[string]string{"title": "Practice guidance on identity in assessments",
		"theme": "assessment", "start": "2026-03-10", "due": "2026-09-30"}), choose(`#owner_id`, "Quinn Auditor"))
	follow("save the action", submit(`form[action="/improvement/actions"]`))

	// Today's improvement board.
	follow("the boards", chromedp.Navigate(base+"/boards"))
	follow("the improvement board", chromedp.Click(`//a[text()="Quality and Development Board"]`, chromedp.BySearch))
	do("schedule today's meeting", fill(`form[action$="/meetings"]`, map[string]string{"date": "2026-03-10", "location": "County Hall"}))
	follow("schedule today's meeting", submit(`form[action$="/meetings"]`))
	shows("today's meeting", text("today's meeting", "main"), "Meeting of 10 March 2026", "Matters arising", "Overdue by")
	do("the resolution", fill(`form[action$="/resolutions"]`, map[string]string{
		"text":     "Bring a report on young people presenting as homeless to the next meeting",
		"due_when": "date", "due": "2026-04-30"}), choose(`#owner_id`, "Quinn Auditor"))
	follow("record the resolution", submit(`form[action$="/resolutions"]`))
	shows("the meeting", text("the meeting", "main"), "Resolution recorded", "Bring a report on young people presenting as homeless",
		"30 April 2026")

	var got string
	do("download the board pack", chromedp.Evaluate(`(async () => {
		const a = document.querySelector('a[href*="/pack?meeting="]');
		if (!a) return 'no link to the board pack';
		const r = await fetch(a.href);
		const b = new Uint8Array(await r.arrayBuffer());
		let s = '';
		for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
		return r.status + ' ' + r.headers.get('content-type') + ' ' + btoa(s);
	})()`, &got, awaitPromise))
	status, rest, _ := strings.Cut(got, " ")
	ctype, b64, _ := strings.Cut(rest, " ")
	pdf, err := base64.StdEncoding.DecodeString(b64)
	if status != "200" || ctype != "application/pdf" || err != nil || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("the board pack download gave %.200s (%v)", got, err)
	}
	if pack := pdfTextOf(t, pdf); pack != "" {
		shows("the board pack", pack, "Board pack: Quality and Development Board", "Q4 2025–26", "Figures as at 10 March 2026",
			"Prepared for the meeting of 10 March 2026", "Overdue actions",
			"Recruit and keep social workers in the teams with the highest turnover",
			"Bring a report on young people", "Focused visit, 3 March 2026", "NOT ACTIONED", "Exploration of children's identity needs in assessments.")
	}

	// The flags on the plan.
	follow("the plan", chromedp.Navigate(base+"/improvement/plan"))
	var overdue, unanswered string
	do("the flags", chromedp.Evaluate(`(() => {
		const after = id => { let el = document.getElementById(id).nextElementSibling; return el ? el.textContent : ''; };
		return [after('overdue'), after('unanswered')];
	})()`, &[]*string{&overdue, &unanswered}))
	shows("the plan's overdue actions", overdue, "Recruit and keep social workers in the teams with the highest turnover")
	shows("the plan's findings with no action", unanswered,
		"The assessment of the needs of young people who present as homeless.",
		"Ensuring that actions from case audits are completed in a timely way.")
	if strings.Contains(unanswered, "Exploration of children's identity needs") {
		t.Errorf("the identity finding, which has an action, is flagged as having none")
	}
}
