package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"cairn/internal/csc"
)

// The annual self-evaluation (OF-04): what do we know about the quality
// and impact of social work practice, how do we know it, and what are we
// doing about it. Every save is a new version; none is ever changed, and
// any two can be compared. Reading needs improvement.view; saving needs
// improvement.edit and is audited.

// maxSection is the longest answer to one question, in characters.
const maxSection = 50_000

// SelfEvaluationView is a self-evaluation with all its versions, oldest
// first, and the findings and actions its versions link to, by id.
type SelfEvaluationView struct {
	csc.SelfEvaluation
	Versions []csc.SelfEvaluationVersion
	Findings map[int64]FindingRef
	Actions  map[int64]csc.ImprovementAction
}

// Version returns version n, or nil.
func (v *SelfEvaluationView) Version(n int) *csc.SelfEvaluationVersion {
	for i := range v.Versions {
		if v.Versions[i].Number == n {
			return &v.Versions[i]
		}
	}
	return nil
}

// Current returns the latest version, or nil before the first save.
func (v *SelfEvaluationView) Current() *csc.SelfEvaluationVersion {
	if len(v.Versions) == 0 {
		return nil
	}
	return &v.Versions[len(v.Versions)-1]
}

// SelfEvaluations lists the self-evaluations, newest first. Needs
// improvement.view.
func (a *App) SelfEvaluations(ctx context.Context, actor csc.Actor) (out []csc.SelfEvaluation, err error) {
	defer csc.WrapOp(&err, "app.SelfEvaluations")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		out, err = tx.ListSelfEvaluations()
		return err
	})
	return out, err
}

// SelfEvaluation reads a self-evaluation with its versions. Needs
// improvement.view.
func (a *App) SelfEvaluation(ctx context.Context, actor csc.Actor, id int64) (v *SelfEvaluationView, err error) {
	defer csc.WrapOp(&err, "app.SelfEvaluation")
	if err := require(actor, csc.ActImprovementView); err != nil {
		return nil, err
	}
	v = &SelfEvaluationView{Findings: map[int64]FindingRef{}, Actions: map[int64]csc.ImprovementAction{}}
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		se, err := tx.FindSelfEvaluationByID(id)
		if err != nil {
			return err
		}
		v.SelfEvaluation = *se
		if v.Versions, err = tx.ListSelfEvaluationVersions(id); err != nil {
			return err
		}
		return readLinks(tx, v.Findings, v.Actions)
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// readLinks fills maps of every finding (with its inspection) and action,
// for links and choices.
func readLinks(tx csc.Tx, findings map[int64]FindingRef, actions map[int64]csc.ImprovementAction) error {
	fs, err := tx.ListFindings(0)
	if err != nil {
		return err
	}
	ins, err := tx.ListInspections()
	if err != nil {
		return err
	}
	byID := map[int64]csc.Inspection{}
	for _, i := range ins {
		byID[i.ID] = i
	}
	for _, f := range fs {
		findings[f.ID] = FindingRef{Finding: f, Inspection: byID[f.InspectionID]}
	}
	as, err := tx.ListImprovementActions()
	for _, act := range as {
		actions[act.ID] = act
	}
	return err
}

// uniqueIDs keeps the positive ids of list once each, in order.
func uniqueIDs(list []int64) []int64 {
	out := []int64{}
	for _, id := range list {
		if id > 0 && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// SaveSelfEvaluation saves a new version of a self-evaluation, or starts
// one when id is 0 (in.Title names it). A save based on a version older
// than the latest is a Conflict; a save that changes nothing is refused.
// Needs improvement.edit; audited.
func (a *App) SaveSelfEvaluation(ctx context.Context, actor csc.Actor, id int64, in csc.SelfEvaluationInput) (v *csc.SelfEvaluationVersion, err error) {
	defer csc.WrapOp(&err, "app.SaveSelfEvaluation")
	if err := require(actor, csc.ActImprovementEdit); err != nil {
		return nil, err
	}
	var probs csc.Problems
	title := textField(&probs, "title", in.Title, 200)
	if id == 0 && title == "" {
		probs.Add("title", "Give the self-evaluation a title, such as the year it covers")
	}
	v = &csc.SelfEvaluationVersion{SelfEvaluationID: id, SavedByID: actor.StaffID,
		Know: textField(&probs, "what_do_we_know", in.Know, maxSection), How: textField(&probs, "how_do_we_know", in.How, maxSection),
		Doing: textField(&probs, "what_are_we_doing", in.Doing, maxSection), Note: textField(&probs, "note", in.Note, 500),
		FindingIDs: uniqueIDs(in.FindingIDs), ActionIDs: uniqueIDs(in.ActionIDs)}
	if v.Know == "" && v.How == "" && v.Doing == "" && !probs.Has("what_do_we_know") {
		probs.Add("what_do_we_know", "Write at least one of the three sections")
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		if err := checkLinks(tx, v); err != nil {
			return err
		}
		if id == 0 {
			se := &csc.SelfEvaluation{Title: title, CreatedByID: actor.StaffID}
			if err := tx.CreateSelfEvaluation(se); err != nil {
				return err
			}
			v.SelfEvaluationID = se.ID
			au.add(actor, "create", "self_evaluation", se.ID, 0, "")
		} else {
			se, err := tx.FindSelfEvaluationByID(id)
			if err != nil {
				return err
			}
			if se.Latest != in.BaseVersion {
				return csc.Errorf(csc.Conflict, "Someone else saved version %d of this self-evaluation after you opened version %d. "+
					"Open it again to see their changes, then make yours.", se.Latest, in.BaseVersion)
			}
			if vs, err := tx.ListSelfEvaluationVersions(id); err != nil {
				return err
			} else if len(vs) > 0 && sameContent(&vs[len(vs)-1], v) {
				return csc.Errorf(csc.Invalid, "Nothing has changed since version %d, so no new version was saved.", se.Latest)
			}
		}
		v.Number = in.BaseVersion + 1
		if id == 0 {
			v.Number = 1
		}
		if err := tx.CreateSelfEvaluationVersion(v); err != nil {
			return err
		}
		au.add(actor, "create", "self_evaluation_version", v.ID, 0, fmt.Sprintf("self-evaluation %d, version %d", v.SelfEvaluationID, v.Number))
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// checkLinks checks every finding and action a version links to exists.
func checkLinks(tx csc.Tx, v *csc.SelfEvaluationVersion) error {
	var probs csc.Problems
	for _, id := range v.FindingIDs {
		if _, err := tx.FindFindingByID(id); csc.ErrorKind(err) == csc.NotFound {
			probs.Add("finding_ids", "There is no finding %d", id)
		} else if err != nil {
			return err
		}
	}
	for _, id := range v.ActionIDs {
		if _, err := tx.FindImprovementActionByID(id); csc.ErrorKind(err) == csc.NotFound {
			probs.Add("action_ids", "There is no action %d", id)
		} else if err != nil {
			return err
		}
	}
	return probs.Err()
}

// sameContent reports whether two versions say the same and link the same.
func sameContent(a, b *csc.SelfEvaluationVersion) bool {
	return a.Know == b.Know && a.How == b.How && a.Doing == b.Doing &&
		slices.Equal(uniqueIDs(a.FindingIDs), b.FindingIDs) && slices.Equal(uniqueIDs(a.ActionIDs), b.ActionIDs)
}

// DiffLine is one line of a comparison: kept, added or removed.
type DiffLine struct {
	Op   string `json:"op"` // "same", "added", "removed"
	Text string `json:"text"`
}

// SectionDiff compares one question's answer between two versions.
type SectionDiff struct {
	Question string     `json:"question"`
	Lines    []DiffLine `json:"lines"`
	Changed  bool       `json:"changed"`
}

// CompareVersions compares the three sections of two versions line by line.
func CompareVersions(from, to *csc.SelfEvaluationVersion) []SectionDiff {
	out := []SectionDiff{
		{Question: "What do we know about the quality and impact of social work practice?", Lines: DiffLines(from.Know, to.Know)},
		{Question: "How do we know it?", Lines: DiffLines(from.How, to.How)},
		{Question: "What are we doing to maintain or improve it?", Lines: DiffLines(from.Doing, to.Doing)},
	}
	for i := range out {
		for _, l := range out[i].Lines {
			out[i].Changed = out[i].Changed || l.Op != "same"
		}
	}
	return out
}

// maxDiffLines bounds the lines compared one by one; longer texts are
// shown as wholly replaced rather than compared in quadratic time.
const maxDiffLines = 1000

// DiffLines compares two texts line by line (a longest common subsequence
// of lines), ignoring blank lines, and lists the lines of both in order.
func DiffLines(a, b string) []DiffLine {
	split := func(s string) []string {
		var out []string
		for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
			if l = strings.TrimRight(l, " \t"); strings.TrimSpace(l) != "" {
				out = append(out, l)
			}
		}
		return out
	}
	x, y := split(a), split(b)
	out := []DiffLine{}
	if len(x) > maxDiffLines || len(y) > maxDiffLines {
		for _, l := range x {
			out = append(out, DiffLine{"removed", l})
		}
		for _, l := range y {
			out = append(out, DiffLine{"added", l})
		}
		return out
	}
	// lcs[i][j] is the length of the longest common subsequence of x[i:] and y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			out = append(out, DiffLine{"same", x[i]})
			i, j = i+1, j+1
		case i < len(x) && (j == len(y) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, DiffLine{"removed", x[i]})
			i++
		default:
			out = append(out, DiffLine{"added", y[j]})
			j++
		}
	}
	return out
}
