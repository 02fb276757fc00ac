package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath finds Debian's Chromium. Without it the browser journeys
// skip, unless CAIRN_REQUIRE_BROWSER=1 (as CI sets) makes that a failure.
func chromiumPath(t *testing.T) string {
	for _, p := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CAIRN_REQUIRE_BROWSER") == "1" {
		t.Fatal("headless Chromium is required (CAIRN_REQUIRE_BROWSER=1) but not installed")
	}
	t.Skip("headless Chromium not installed (apt-get install chromium)")
	return ""
}

// startDemo builds the real binary and runs `cairn demo` on a free
// loopback port with a small synthetic authority, returning its base URL.
func startDemo(t *testing.T) string {
	dir := t.TempDir()
	bin := filepath.Join(dir, "cairn")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "demo", "--addr", addr, "--db", filepath.Join(dir, "demo.db"), "--children", "300")
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() })
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		var all strings.Builder
		for sc.Scan() {
			all.WriteString(sc.Text() + "\n")
			if strings.Contains(sc.Text(), "Press Ctrl+C") {
				ready <- all.String()
			}
		}
	}()
	select {
	case banner := <-ready:
		for _, u := range []string{"mash", "sw", "tm", "eh", "iro", "qa", "analyst", "support", "admin", "inspector"} {
			if !strings.Contains(banner, "  "+u+" ") {
				t.Errorf("the demo banner does not list the %q sign-in:\n%s", u, banner)
			}
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the demo did not start within 60 s")
	}
	base := "http://" + addr
	resp, err := http.Get(base + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v", err)
	}
	resp.Body.Close()
	return base
}

func browser(t *testing.T) (context.Context, context.CancelFunc) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromiumPath(t)),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true), chromedp.UserDataDir(t.TempDir()))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	tctx, cancelTimeout := context.WithTimeout(bctx, 90*time.Second)
	return tctx, func() { cancelTimeout(); cancelBrowser(); cancelAlloc() }
}

// TestBrowserFrontDoorJourney signs in as the MASH worker, records a
// contact about a new child, screens it, decides it, and opens the filed
// outcome letter from the child's page — through the real binary in
// headless Chromium.
func TestBrowserFrontDoorJourney(t *testing.T) {
	chromiumPath(t)
	if testing.Short() {
		t.Skip("browser journey skipped in -short mode")
	}
	base := startDemo(t)
	ctx, cancel := browser(t)
	defer cancel()

	var heading, flash, childPage, letter string
	do, follow := steps(t, ctx)
	follow("open cairn", chromedp.Navigate(base+"/"))
	do("sign in", chromedp.SendKeys(`#username`, "mash", chromedp.ByID), chromedp.SendKeys(`#password`, "demo", chromedp.ByID))
	follow("sign in", chromedp.Submit(`#password`, chromedp.ByID))
	do("front door", chromedp.Text(`h1`, &heading, chromedp.ByQuery))
	follow("record a contact", chromedp.Click(`a[href="/contacts/new"]`, chromedp.ByQuery))
	do("search", chromedp.SendKeys(`#name`, "Quillon", chromedp.ByID))
	follow("search", chromedp.Submit(`#name`, chromedp.ByID))
	follow("add a new child", chromedp.Click(`a[href^="/people/new"]`, chromedp.ByQuery))
	do("the child's details", chromedp.SendKeys(`#given_name`, "Wren", chromedp.ByID),
		chromedp.SetValue(`#family_name`, "Quillon", chromedp.ByID),
		chromedp.SetValue(`#date_of_birth`, "2016-06-14", chromedp.ByID))
	follow("save the child", chromedp.Submit(`#given_name`, chromedp.ByID))
	do("the contact", chromedp.SetValue(`#source`, "2A", chromedp.ByID),
		chromedp.SendKeys(`#referrer_name`, "Pat Example", chromedp.ByID),
		chromedp.SendKeys(`#referrer_organisation`, "Greyford Primary School", chromedp.ByID),
		chromedp.SendKeys(`#presenting_concerns`, "Wren came to school hungry and with a bruise on her arm.", chromedp.ByID),
		chromedp.Click(`#consent-given`, chromedp.ByID))
	follow("save the contact", chromedp.Submit(`#presenting_concerns`, chromedp.ByID))
	do("screening", chromedp.Click(`#rag-amber`, chromedp.ByID),
		chromedp.SendKeys(`#risks`, "Possible neglect; unexplained bruising.", chromedp.ByID))
	follow("save the screening", chromedp.Submit(`#risks`, chromedp.ByID))
	do("decision", chromedp.Click(`#decision-referral`, chromedp.ByID),
		chromedp.SendKeys(`#rationale`, "Threshold met for a child and family assessment.", chromedp.ByID))
	follow("record the decision", chromedp.Submit(`#rationale`, chromedp.ByID))
	do("confirmation", chromedp.Text(`.govuk-notification-banner--success`, &flash, chromedp.ByQuery))
	follow("the child's page", chromedp.Click(`.cairn-identity-bar__name a`, chromedp.ByQuery))
	do("open the letter from the child's page",
		chromedp.Text(`main`, &childPage, chromedp.ByQuery),
		chromedp.Evaluate(`(async () => {
			const a = [...document.querySelectorAll('a')].find(a => a.textContent.startsWith('Outcome letter'));
			if (!a) return 'no letter link';
			const r = await fetch(a.href);
			const b = new Uint8Array(await r.arrayBuffer());
			return r.status + ' ' + r.headers.get('content-type') + ' ' + String.fromCharCode(...b.slice(0, 5));
		})()`, &letter, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	if heading != "Front door" {
		t.Errorf("after sign-in the MASH worker sees %q, want the front door", heading)
	}
	if !strings.Contains(flash, "outcome letter has been filed") {
		t.Errorf("decision banner %q", flash)
	}
	for _, want := range []string{"Wren Quillon", "Open referral", "Outcome letter to Greyford Primary School", "Contact decided: Referral"} {
		if !strings.Contains(childPage, want) {
			t.Errorf("the child's page does not show %q", want)
		}
	}
	if letter != "200 application/pdf %PDF-" {
		t.Errorf("opening the letter from the child's page gave %q", letter)
	}
}

// steps returns the two ways a journey moves: do runs actions on the
// current page; follow runs one action that loads a new page (a link or a
// form) and waits for it to load and for GOV.UK Frontend to enhance it.
func steps(t *testing.T, ctx context.Context) (do func(string, ...chromedp.Action), follow func(string, chromedp.Action)) {
	fail := func(name string, err error) {
		t.Helper()
		var page string
		chromedp.Run(ctx, chromedp.Text("body", &page, chromedp.ByQuery))
		t.Fatalf("%s: %v\npage now shows:\n%.2000s", name, err, page)
	}
	do = func(name string, actions ...chromedp.Action) {
		t.Helper()
		if err := chromedp.Run(ctx, actions...); err != nil {
			fail(name, err)
		}
	}
	follow = func(name string, action chromedp.Action) {
		t.Helper()
		resp, err := chromedp.RunResponse(ctx, action)
		if err != nil {
			fail(name, err)
		}
		if resp.Status >= 400 {
			fail(name, fmt.Errorf("status %d", resp.Status))
		}
		do(name, chromedp.Poll(`document.body.classList.contains("govuk-frontend-supported")`, nil))
	}
	return do, follow
}

// signIn signs in through the sign-in form as a demo user.
func signIn(do func(string, ...chromedp.Action), follow func(string, chromedp.Action), base, user string) {
	follow("open the sign-in page", chromedp.Navigate(base+"/sign-in"))
	do("sign in as "+user, chromedp.SendKeys(`#username`, user, chromedp.ByID), chromedp.SendKeys(`#password`, "demo", chromedp.ByID))
	follow("sign in as "+user, chromedp.Submit(`#password`, chromedp.ByID))
}

// TestBrowserMissedClockJourney has the social worker explain an overdue
// timescale from their tray and their team manager sign it off.
func TestBrowserMissedClockJourney(t *testing.T) {
	chromiumPath(t)
	if testing.Short() {
		t.Skip("browser journey skipped in -short mode")
	}
	base := startDemo(t)
	ctx, cancel := browser(t)
	defer cancel()
	do, follow := steps(t, ctx)
	var clockURL, explained, signed string
	signIn(do, follow, base, "sw")
	follow("my work", chromedp.Navigate(base+"/work"))
	do("find an overdue timescale", chromedp.AttributeValue(`table a[href^="/clocks/"]`, "href", &clockURL, nil, chromedp.ByQuery))
	follow("open it", chromedp.Navigate(base+clockURL))
	do("give the reason", chromedp.Click(`#reason-family-unavailable`, chromedp.ByID),
		chromedp.SendKeys(`#reason_text`, "The family were away; a visit is booked for Monday.", chromedp.ByID))
	follow("save the reason", chromedp.Submit(`#reason_text`, chromedp.ByID))
	do("the reason is shown", chromedp.Text(`main`, &explained, chromedp.ByQuery))
	follow("sign out", chromedp.Submit(`form[action="/sign-out"] button`, chromedp.ByQuery))
	signIn(do, follow, base, "tm")
	follow("the manager opens the timescale", chromedp.Navigate(base+clockURL))
	do("sign it off", chromedp.SendKeys(`#sign_off_note`, "Agreed.", chromedp.ByID))
	follow("sign it off", chromedp.Submit(`#sign_off_note`, chromedp.ByID))
	do("signed off", chromedp.Text(`main`, &signed, chromedp.ByQuery))
	if !strings.Contains(explained, "The family were away") || !strings.Contains(explained, "Awaiting sign-off") {
		t.Errorf("after recording the reason the page shows:\n%.1500s", explained)
	}
	if !strings.Contains(signed, "demo team manager") || !strings.Contains(signed, "Reason signed off") {
		t.Errorf("after signing off the page shows:\n%.1500s", signed)
	}
}
