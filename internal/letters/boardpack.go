package letters

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// BoardPackMaxPages is the most pages a board pack may run to: a plan of
// 500 actions, all overdue, with years of resolutions fits well within it.
const BoardPackMaxPages = 400

// BoardPack is the quarterly pack an improvement board (or a scrutiny or
// corporate parenting board) reads before it meets: how the improvement
// plan is going by theme, the actions that are overdue, the board's own
// outstanding resolutions, and the latest inspection with whether each of
// its findings has been answered by an action. Every figure is given as
// at AsOf. The pack holds no child's details.
type BoardPack struct {
	Authority string
	// Board names the board. Required.
	Board string
	// Quarter names the quarter the pack reports on, e.g. "Q3 2025–26
	// (October to December 2025)". Required.
	Quarter string
	// AsOf is the date the figures are as at: a civil date (only year,
	// month and day are used). Required.
	AsOf time.Time
	// Meeting names the meeting the pack is for, e.g. "the meeting of 15
	// January 2026"; empty when it is for no one meeting.
	Meeting string
	// Generated is when the pack was produced. Required.
	Generated time.Time

	Themes      []PackTheme
	Overdue     []PackAction
	Unowned     []PackAction // actions whose owner has left
	Resolutions []PackResolution
	Inspection  *PackInspection // nil when the register holds none
}

// PackTheme counts a theme's actions by their rating.
type PackTheme struct {
	Theme                         string
	Red, Amber, Green, Blue, Grey int
}

// Total is the number of actions in the theme.
func (t PackTheme) Total() int { return t.Red + t.Amber + t.Green + t.Blue + t.Grey }

// PackAction is an action flagged in the pack.
type PackAction struct {
	Title    string
	Theme    string
	Owner    string
	Due      time.Time // a civil date
	DaysOver int
}

// PackResolution is an outstanding resolution of the board.
type PackResolution struct {
	Text     string
	Raised   time.Time // the civil date of the meeting that raised it
	Owner    string
	Due      string // as the board reads it: "3 March 2026", "Next meeting (…)"
	Status   string // "Open", "Carried forward"
	DaysOver int
}

// PackInspection is the latest inspection and its findings.
type PackInspection struct {
	Title      string      // "Focused visit, 21 August 2019"
	Published  time.Time   // zero when not recorded
	Judgements [][2]string // judgement and grade, for a graded inspection
	Findings   []PackFinding
}

// PackFinding is a finding and whether the plan answers it. A strength
// needs no action.
type PackFinding struct {
	Kind     string // "Area for improvement", …
	Text     string
	NeedsAct bool
	Actions  int    // actions linked to it
	Progress string // e.g. "2 actions: 1 complete, 1 green"
}

// The pack's sections, in order: the contents lists them.
var packSections = []string{"Summary", "Plan progress by theme", "Overdue actions",
	"Outstanding resolutions", "Latest inspection and its findings"}

var (
	stSection = style{bold: true, size: 14, color: colHeading}
	stCell    = style{size: 9, color: colText}
	stCellHd  = style{bold: true, size: 9, color: colHeading}
	stFigure  = style{size: 10.5, color: colText}
)

const (
	cellLeading = 12.0
	cellGap     = 6.0
	tableIndent = 6.0
)

// cell is one column of a table: its share of the width and alignment.
type cell struct {
	title string
	share float64
	align align
}

// RenderBoardPack renders a board pack as an A4 PDF with a contents page,
// page numbers and the board's name on every page. The output depends only
// on p. A pack without its board, quarter, as-at date or generation time
// gives a *MissingFieldError; one past BoardPackMaxPages an error wrapping
// ErrTooLong.
func RenderBoardPack(p BoardPack) (pdf []byte, err error) {
	defer recoverRender(&pdf, &err)
	p = cleanPack(p)
	var missing []string
	for _, f := range []struct {
		name  string
		blank bool
	}{{"Board", blank(p.Board)}, {"Quarter", blank(p.Quarter)}, {"AsOf", p.AsOf.IsZero()}, {"Generated", p.Generated.IsZero()}} {
		if f.blank {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return nil, &MissingFieldError{Letter: "board pack", Fields: missing}
	}
	doc, err := newPDF(docInfo{title: "Board pack: " + p.Board + ", " + p.Quarter, author: p.Authority,
		subject: "Board pack", date: p.Generated})
	if err != nil {
		return nil, err
	}
	m := newMeasurer(doc)
	blocks, err := p.blocks(m)
	if err != nil {
		return nil, err
	}
	pages, err := paginate(page{}, blocks, frame{firstTop: marginTop + 8, top: marginTop + 18, bottom: bodyBottom,
		maxPages: BoardPackMaxPages})
	if err != nil {
		return nil, err
	}
	numberContents(pages)
	return draw(doc, m, pages, chrome{
		marking:      "OFFICIAL",
		footer:       p.Board + " board pack, " + p.Quarter,
		continuation: "Board pack: " + p.Board + "  \u00b7  " + p.Quarter + " (continued)",
	})
}

func cleanPack(p BoardPack) BoardPack {
	out := p
	for _, f := range []*string{&out.Authority, &out.Board, &out.Quarter, &out.Meeting} {
		*f = cleanLine(*f)
	}
	out.Themes = append([]PackTheme(nil), p.Themes...)
	for i := range out.Themes {
		out.Themes[i].Theme = cleanLine(out.Themes[i].Theme)
	}
	cleanActions := func(in []PackAction) []PackAction {
		o := append([]PackAction(nil), in...)
		for i := range o {
			o[i].Title, o[i].Theme, o[i].Owner = cleanLine(o[i].Title), cleanLine(o[i].Theme), cleanLine(o[i].Owner)
		}
		return o
	}
	out.Overdue, out.Unowned = cleanActions(p.Overdue), cleanActions(p.Unowned)
	out.Resolutions = append([]PackResolution(nil), p.Resolutions...)
	for i := range out.Resolutions {
		r := &out.Resolutions[i]
		r.Text, r.Owner, r.Due, r.Status = cleanLine(r.Text), cleanLine(r.Owner), cleanLine(r.Due), cleanLine(r.Status)
	}
	if p.Inspection != nil {
		in := *p.Inspection
		in.Title = cleanLine(in.Title)
		in.Judgements = append([][2]string(nil), in.Judgements...)
		for i := range in.Judgements {
			in.Judgements[i] = [2]string{cleanLine(in.Judgements[i][0]), cleanLine(in.Judgements[i][1])}
		}
		in.Findings = append([]PackFinding(nil), in.Findings...)
		for i := range in.Findings {
			f := &in.Findings[i]
			f.Kind, f.Text, f.Progress = cleanLine(f.Kind), cleanLine(f.Text), cleanLine(f.Progress)
		}
		out.Inspection = &in
	}
	return out
}

// packWriter gathers the pack's blocks.
type packWriter struct {
	m      *measurer
	blocks []block
	err    error
}

func (w *packWriter) text(st style, s string, spaceBefore, leading float64) {
	if w.err != nil || s == "" {
		return
	}
	b, err := w.m.textBlock(st, s, marginLeft, contentWidth, leading, alignLeft)
	b.spaceBefore = spaceBefore
	w.blocks, w.err = append(w.blocks, b), err
}

// heading adds a sub-heading, kept with what follows it.
func (w *packWriter) heading(s string) {
	w.text(stHeading, s, 14, 18)
	if w.err == nil {
		w.blocks[len(w.blocks)-1].keepWithNext = true
	}
}

// section starts a numbered section, anchored for the contents and kept
// with what follows it.
func (w *packWriter) section(n int) {
	if w.err != nil {
		return
	}
	b, err := w.m.textBlock(stSection, fmt.Sprintf("%d. %s", n+1, packSections[n]), marginLeft, contentWidth, 20, alignLeft)
	if len(b.lines) > 0 {
		b.lines[0].anchor = "section-" + strconv.Itoa(n)
	}
	b.spaceBefore, b.keepWithNext = 22, true
	w.blocks, w.err = append(w.blocks, b), err
}

// row adds one row of a table, its cells wrapped to their columns and kept
// together; a header row is shaded and kept with the first row.
func (w *packWriter) row(cols []cell, texts []string, header bool) {
	if w.err != nil {
		return
	}
	st := stCell
	if header {
		st = stCellHd
	}
	// Tables sit a little in from the margin, clear of the bar that marks
	// a shaded header row.
	width := contentWidth - tableIndent - cellGap*float64(len(cols)-1)
	var wrapped [][]string
	rows := 1
	for i, c := range cols {
		lines, err := w.m.wrap(st, texts[i], width*c.share)
		if err != nil {
			w.err = err
			return
		}
		wrapped = append(wrapped, lines)
		rows = max(rows, len(lines))
	}
	b := block{keepTogether: true, keepWithNext: header, spaceBefore: 3}
	for k := range rows {
		x := marginLeft + tableIndent
		for i, c := range cols {
			t := ""
			if k < len(wrapped[i]) {
				t = wrapped[i][k]
			}
			b.lines = append(b.lines, line{text: t, style: st, x: x, width: width * c.share, align: c.align,
				height: cellLeading, hold: i < len(cols)-1, shaded: header})
			x += width*c.share + cellGap
		}
	}
	w.blocks = append(w.blocks, b)
}

// blocks lays out the whole pack.
func (p BoardPack) blocks(m *measurer) ([]block, error) {
	w := &packWriter{m: m}
	w.text(stTeam, p.Authority, 0, 14)
	w.text(stTitle, "Board pack: "+p.Board, 4, 24)
	w.text(stBody, "Quarter: "+p.Quarter, 6, bodyLeading)
	w.text(stBody, "Figures as at "+formatDate(p.AsOf), 0, bodyLeading)
	if p.Meeting != "" {
		w.text(stBody, "Prepared for "+p.Meeting, 0, bodyLeading)
	}
	w.text(stBody, "Generated "+formatDateTime(p.Generated), 0, bodyLeading)
	w.heading("Contents")
	for i, s := range packSections {
		w.row([]cell{{share: 0.9}, {share: 0.1, align: alignRight}}, []string{fmt.Sprintf("%d. %s", i+1, s), "0"}, false)
		if w.err == nil {
			w.blocks[len(w.blocks)-1].lines[1].anchor = "contents-" + strconv.Itoa(i)
		}
	}
	p.summary(w)
	p.themes(w)
	p.overdue(w)
	p.resolutions(w)
	p.inspection(w)
	return w.blocks, w.err
}

func (p BoardPack) summary(w *packWriter) {
	w.section(0)
	var total, red, amber, green, blue, grey int
	for _, t := range p.Themes {
		total, red, amber, green, blue, grey = total+t.Total(), red+t.Red, amber+t.Amber, green+t.Green, blue+t.Blue, grey+t.Grey
	}
	figures := []string{
		fmt.Sprintf("Actions in the improvement plan: %d (red %d, amber %d, green %d, complete %d, dropped %d)", total, red, amber, green, blue, grey),
		fmt.Sprintf("Overdue actions: %d", len(p.Overdue)),
		fmt.Sprintf("Actions whose owner has left: %d", len(p.Unowned)),
	}
	overdue := 0
	for _, r := range p.Resolutions {
		if r.DaysOver > 0 {
			overdue++
		}
	}
	figures = append(figures, fmt.Sprintf("Outstanding resolutions of this board: %d, of which overdue: %d", len(p.Resolutions), overdue))
	if in := p.Inspection; in != nil {
		need, unanswered := 0, 0
		for _, f := range in.Findings {
			if f.NeedsAct {
				need++
				if f.Actions == 0 {
					unanswered++
				}
			}
		}
		figures = append(figures, fmt.Sprintf("Latest inspection: %s. Findings needing action: %d, of which with no action in the plan: %d", in.Title, need, unanswered))
	}
	for i, f := range figures {
		w.text(stFigure, f, map[bool]float64{true: 6, false: 3}[i == 0], 14)
	}
}

func (p BoardPack) themes(w *packWriter) {
	w.section(1)
	if len(p.Themes) == 0 {
		w.text(stBody, "The improvement plan has no actions yet.", 6, bodyLeading)
		return
	}
	w.text(stSmall, "Each action's rating is derived from its dates, status and progress updates: red is past its due date and not complete; amber has no recent update or is behind time; green is on track.", 4, 12)
	cols := []cell{{title: "Theme", share: 0.4}, {title: "Red", share: 0.1, align: alignRight}, {title: "Amber", share: 0.1, align: alignRight},
		{title: "Green", share: 0.1, align: alignRight}, {title: "Complete", share: 0.1, align: alignRight},
		{title: "Dropped", share: 0.1, align: alignRight}, {title: "Total", share: 0.1, align: alignRight}}
	w.row(cols, titles(cols), true)
	var sum PackTheme
	for _, t := range p.Themes {
		w.row(cols, []string{t.Theme, itoa(t.Red), itoa(t.Amber), itoa(t.Green), itoa(t.Blue), itoa(t.Grey), itoa(t.Total())}, false)
		sum.Red, sum.Amber, sum.Green, sum.Blue, sum.Grey = sum.Red+t.Red, sum.Amber+t.Amber, sum.Green+t.Green, sum.Blue+t.Blue, sum.Grey+t.Grey
	}
	w.row(cols, []string{"All themes", itoa(sum.Red), itoa(sum.Amber), itoa(sum.Green), itoa(sum.Blue), itoa(sum.Grey), itoa(sum.Total())}, true)
}

func (p BoardPack) overdue(w *packWriter) {
	w.section(2)
	cols := []cell{{title: "Action", share: 0.36}, {title: "Theme", share: 0.19}, {title: "Owner", share: 0.17},
		{title: "Due", share: 0.18}, {title: "Days over", share: 0.10, align: alignRight}}
	if len(p.Overdue) == 0 {
		w.text(stBody, "No action is overdue.", 6, bodyLeading)
	} else {
		w.row(cols, titles(cols), true)
		for _, a := range p.Overdue {
			w.row(cols, []string{a.Title, a.Theme, a.Owner, formatDate(a.Due), itoa(a.DaysOver)}, false)
		}
	}
	if len(p.Unowned) > 0 {
		w.heading("Actions whose owner has left")
		cols = []cell{{title: "Action", share: 0.45}, {title: "Theme", share: 0.22}, {title: "Former owner", share: 0.18}, {title: "Due", share: 0.15}}
		w.row(cols, titles(cols), true)
		for _, a := range p.Unowned {
			w.row(cols, []string{a.Title, a.Theme, a.Owner, formatDate(a.Due)}, false)
		}
	}
}

func (p BoardPack) resolutions(w *packWriter) {
	w.section(3)
	if len(p.Resolutions) == 0 {
		w.text(stBody, "The board has no outstanding resolutions.", 6, bodyLeading)
		return
	}
	cols := []cell{{title: "Resolution", share: 0.32}, {title: "Raised", share: 0.17}, {title: "Owner", share: 0.15},
		{title: "Due", share: 0.18}, {title: "Status", share: 0.18}}
	w.row(cols, titles(cols), true)
	for _, r := range p.Resolutions {
		status := r.Status
		if r.DaysOver > 0 {
			status += fmt.Sprintf(", overdue by %d %s", r.DaysOver, plural(r.DaysOver, "day", "days"))
		}
		w.row(cols, []string{r.Text, formatDate(r.Raised), r.Owner, r.Due, status}, false)
	}
}

func (p BoardPack) inspection(w *packWriter) {
	w.section(4)
	in := p.Inspection
	if in == nil {
		w.text(stBody, "The inspection register is empty.", 6, bodyLeading)
		return
	}
	w.text(stBold, in.Title, 6, bodyLeading)
	if !in.Published.IsZero() {
		w.text(stBody, "Letter published "+formatDate(in.Published), 0, bodyLeading)
	}
	if len(in.Judgements) > 0 {
		cols := []cell{{title: "Judgement", share: 0.6}, {title: "Grade", share: 0.4}}
		w.row(cols, titles(cols), true)
		for _, j := range in.Judgements {
			w.row(cols, []string{j[0], j[1]}, false)
		}
	}
	if len(in.Findings) == 0 {
		w.text(stBody, "No findings are recorded for this inspection.", 8, bodyLeading)
		return
	}
	w.heading("Findings")
	cols := []cell{{title: "No.", share: 0.05, align: alignRight}, {title: "Kind", share: 0.2}, {title: "Finding", share: 0.43},
		{title: "Status", share: 0.32}}
	w.row(cols, titles(cols), true)
	for i, f := range in.Findings {
		status := "No action needed (a strength)"
		switch {
		case f.NeedsAct && f.Actions == 0:
			status = "NOT ACTIONED: no action in the plan"
		case f.NeedsAct:
			status = "Actioned: " + f.Progress
		}
		w.row(cols, []string{itoa(i + 1), f.Kind, f.Text, status}, false)
	}
}

func titles(cols []cell) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.title
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// numberContents fills in the contents' page numbers from the pages the
// sections' headings were placed on.
func numberContents(pages []page) {
	at := map[string]int{}
	for i, pg := range pages {
		for _, l := range pg.lines {
			if l.anchor != "" {
				at[l.anchor] = i + 1
			}
		}
	}
	for i := range pages {
		for j := range pages[i].lines {
			l := &pages[i].lines[j]
			if name, ok := strings.CutPrefix(l.anchor, "contents-"); ok {
				l.text = itoa(at["section-"+name])
			}
		}
	}
}
