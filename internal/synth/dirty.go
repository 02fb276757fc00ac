package synth

import (
	"cmp"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// Known census data errors, seeded into the record (Options.Dirty) so that
// tests and demonstrations can show the census validator finding them. They
// are the mistakes real records have: a disability never recorded, a UPN
// mistyped, a referral with no primary need, an assessment authorised
// before it began, an enquiry left without an outcome, a plan ended before
// it started. Each is made at the store level, as the rest of the synthetic
// record is written (the service layer would refuse some of them), to a
// record in the census of one collection year, and each is chosen so that
// exactly the rules it names report it and nothing else changes: a child
// gets at most one, and each kind applies only where the rest of the
// child's census keeps every other rule as it was.

// MaxDirty is the largest share of the census's children Options.Dirty may
// give an error.
const MaxDirty = 0.5

// SeededError is one data error seeded into the record.
type SeededError struct {
	ChildID int64
	Kind    string   // which kind of error, such as "disability-missing"
	Table   string   // the census table it shows in
	Rules   []string // the census rules that report it, and only they
	Change  string   // what was changed, in words
}

// LAchildID is the child's identifier in the census: the record's id.
func (s SeededError) LAchildID() string { return strconv.FormatInt(s.ChildID, 10) }

// WriteManifest writes the seeded errors as CSV, a row for each rule that
// reports each: child_id, la_child_id, census (the collection year), rule,
// kind, table and change.
func WriteManifest(w io.Writer, year csc.CollectionYear, seeded []SeededError) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"child_id", "la_child_id", "census", "rule", "kind", "table", "change"})
	for _, s := range seeded {
		for _, rule := range s.Rules {
			cw.Write([]string{strconv.FormatInt(s.ChildID, 10), s.LAchildID(), year.String(), rule, s.Kind, s.Table, s.Change})
		}
	}
	cw.Flush()
	return cw.Error()
}

// DirtyKinds lists the kinds of error Options.Dirty seeds, in the order
// they are dealt out.
func DirtyKinds() []string {
	out := make([]string, len(errorKinds))
	for i, k := range errorKinds {
		out[i] = k.name
	}
	return out
}

// seeder seeds errors for the census of one collection year.
type seeder struct {
	from, to csc.Date // the census year
	today    csc.Date // AsOf: no date is moved past it
	r        *rng
}

// known is d as the census sees it: a date after the census year is not
// yet known to it.
func (s *seeder) known(d csc.Date) csc.Date {
	if d.After(s.to) {
		return csc.Date{}
	}
	return d
}

// target is where one kind of error goes: a child, and for the kinds about
// an episode the episode and the index of the record in it.
type target struct {
	child *csc.CensusChild
	ep    *csc.CensusEpisode
	i     int
	rules []string // when they depend on the target; else the kind's
}

// errorKind is one kind of error: where it can go in a child's census
// without changing any other rule's outcome, and how to make it.
type errorKind struct {
	name, table string
	rules       []string
	find        func(s *seeder, c *csc.CensusChild) (target, bool)
	apply       func(s *seeder, tx csc.Tx, t target) (string, error)
}

// seedErrors seeds errors into about rate of the children in the census of
// year, chosen from seed: the children in a shuffled order are dealt the
// kinds in turn, each kind to the next child it can go to, so every kind
// that can go anywhere is used.
func seedErrors(ctx context.Context, st csc.Store, seed uint64, asOf csc.Date, year csc.CollectionYear, rate float64) ([]SeededError, error) {
	s := &seeder{from: year.Start(), to: year.End(), today: asOf, r: newRand(seed, streamDirty, int(year))}
	var kids []csc.CensusChild
	err := st.Read(ctx, func(tx csc.Tx) error {
		var err error
		kids, err = censusChildren(tx, s.from, s.to)
		return err
	})
	if err != nil {
		return nil, err
	}
	want := int(math.Round(rate * float64(len(kids))))
	order := s.r.Perm(len(kids))
	used := make([]bool, len(kids))
	next := make([]int, len(errorKinds))
	type planned struct {
		kind *errorKind
		t    target
	}
	var plan []planned
	for dealt := true; dealt && len(plan) < want; {
		dealt = false
		for k := range errorKinds {
			if len(plan) == want {
				break
			}
			for next[k] < len(order) {
				i := order[next[k]]
				next[k]++
				if used[i] {
					continue
				}
				if t, ok := errorKinds[k].find(s, &kids[i]); ok {
					used[i], dealt = true, true
					plan = append(plan, planned{&errorKinds[k], t})
					break
				}
			}
		}
	}
	out := make([]SeededError, 0, len(plan))
	err = st.Write(ctx, func(tx csc.Tx) error {
		for _, p := range plan {
			change, err := p.kind.apply(s, tx, p.t)
			if err != nil {
				return fmt.Errorf("seed %s for child %d: %w", p.kind.name, p.t.child.ID, err)
			}
			rules := p.t.rules
			if rules == nil {
				rules = p.kind.rules
			}
			out = append(out, SeededError{ChildID: p.t.child.ID, Kind: p.kind.name, Table: p.kind.table, Rules: rules, Change: change})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b SeededError) int { return cmp.Compare(a.ChildID, b.ChildID) })
	return out, nil
}

// censusRange is how many person ids are read at a time.
const censusRange = 20_000

// censusChildren reads the census population of the year from..to.
func censusChildren(tx csc.Tx, from, to csc.Date) ([]csc.CensusChild, error) {
	last, err := tx.MaxPersonID()
	if err != nil {
		return nil, err
	}
	var kids []csc.CensusChild
	for id := int64(1); id <= last; id += censusRange {
		batch, err := tx.CensusChildren(from, to, id, id+censusRange-1)
		if err != nil {
			return nil, err
		}
		kids = append(kids, batch...)
	}
	return kids, nil
}

// Where a kind can go.

func onlyNone(c *csc.CensusChild) bool {
	return len(c.Disabilities) == 1 && c.Disabilities[0] == "NONE"
}

// furtherAction reports whether any of the child's episodes is not a
// referral with no further action.
func furtherAction(c *csc.CensusChild) bool {
	for i := range c.Episodes {
		if !c.Episodes[i].NFA {
			return true
		}
	}
	return false
}

// digitUPN reports whether a UPN is a letter and twelve digits.
func digitUPN(u csc.UPN) bool {
	if len(u) != 13 {
		return false
	}
	for i := 1; i < 13; i++ {
		if u[i] < '0' || u[i] > '9' {
			return false
		}
	}
	return true
}

// upnLetters are the letters a UPN may begin with.
const upnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ"

// anEpisode finds the first episode ok accepts.
func anEpisode(c *csc.CensusChild, ok func(e *csc.CensusEpisode) bool) (target, bool) {
	for i := range c.Episodes {
		if e := &c.Episodes[i]; ok(e) {
			return target{child: c, ep: e}, true
		}
	}
	return target{}, false
}

// aRecord finds the first record of an episode ok accepts, given the number
// of records each episode has.
func aRecord(c *csc.CensusChild, n func(e *csc.CensusEpisode) int, ok func(e *csc.CensusEpisode, i int) bool) (target, bool) {
	for j := range c.Episodes {
		e := &c.Episodes[j]
		for i := range n(e) {
			if ok(e, i) {
				return target{child: c, ep: e, i: i}, true
			}
		}
	}
	return target{}, false
}

func assessments(e *csc.CensusEpisode) int { return len(e.Assessments) }
func cinPlans(e *csc.CensusEpisode) int    { return len(e.CINPlans) }
func cpPlans(e *csc.CensusEpisode) int     { return len(e.ProtectionPlan) }

// How a kind is made.

// person changes the child's record.
func person(tx csc.Tx, t target, change func(p *csc.Person)) error {
	p, err := tx.FindPersonByID(t.child.ID)
	if err != nil {
		return err
	}
	change(p)
	return tx.UpdatePerson(p)
}

// referral changes the episode's referral.
func referral(tx csc.Tx, t target, change func(r *csc.Referral)) error {
	r, err := tx.FindReferralByID(t.ep.ReferralID)
	if err != nil {
		return err
	}
	change(r)
	return tx.UpdateReferral(r)
}

// find returns the first of list that match accepts, or an error naming
// what was not found.
func find[T any](list []T, err error, what string, match func(*T) bool) (*T, error) {
	if err != nil {
		return nil, err
	}
	for i := range list {
		if match(&list[i]) {
			return &list[i], nil
		}
	}
	return nil, fmt.Errorf("no %s matches the census", what)
}

func (t target) assessment(tx csc.Tx) (*csc.Assessment, error) {
	want := t.ep.Assessments[t.i]
	list, err := tx.ListAssessments(t.child.ID)
	return find(list, err, "assessment", func(a *csc.Assessment) bool {
		return a.ReferralID == t.ep.ReferralID && a.StartDate == want.StartDate && a.AuthorisedDate == want.AuthorisedDate
	})
}

func (t target) cinPlan(tx csc.Tx) (*csc.CINPlan, error) {
	want := t.ep.CINPlans[t.i]
	list, err := tx.ListCINPlans(t.child.ID)
	return find(list, err, "child in need plan", func(p *csc.CINPlan) bool {
		return p.ReferralID == t.ep.ReferralID && p.StartDate == want.StartDate && p.EndDate == want.EndDate
	})
}

func (t target) cpPlan(tx csc.Tx) (*csc.CPPlan, error) {
	want := t.ep.ProtectionPlan[t.i]
	list, err := tx.ListCPPlans(t.child.ID)
	return find(list, err, "child protection plan", func(p *csc.CPPlan) bool {
		return p.ReferralID == t.ep.ReferralID && p.Start == want.StartDate && p.End == want.EndDate
	})
}

func (t target) s47(tx csc.Tx) (*csc.S47, error) {
	want := t.ep.S47s[t.i]
	list, err := tx.ListS47s(t.child.ID)
	return find(list, err, "section 47 enquiry", func(s *csc.S47) bool {
		return s.ReferralID == t.ep.ReferralID && s.Started == want.StartDate
	})
}

// errorKinds are the kinds of error seeded, across the census's tables.
var errorKinds = []errorKind{{
	name: "disability-missing", table: "ChildCharacteristics", rules: []string{"8540"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) {
		return target{child: c}, !s.known(c.DateOfBirth).IsZero() && onlyNone(c) && furtherAction(c)
	},
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		return "disability left unrecorded (it was recorded as none)",
			person(tx, t, func(p *csc.Person) { p.Disabilities = nil })
	},
}, {
	name: "disability-none-and-other", table: "Disabilities", rules: []string{"8790"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) { return target{child: c}, onlyNone(c) },
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		code := pick(s.r, []csc.DisabilityCode{"LD", "COMM", "BEH", "AUT", "CON"})
		return fmt.Sprintf("disability %s added without taking away none", code),
			person(tx, t, func(p *csc.Person) { p.Disabilities = []csc.DisabilityCode{"NONE", code} })
	},
}, {
	name: "ethnicity-missing", table: "ChildCharacteristics", rules: []string{"4220"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) { return target{child: c}, c.Ethnicity != "" },
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		return "ethnicity left blank", person(tx, t, func(p *csc.Person) { p.Ethnicity = "" })
	},
}, {
	name: "upn-check-letter", table: "ChildIdentifiers", rules: []string{"1510"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) { return target{child: c}, digitUPN(c.UPN) },
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		return "UPN's check letter (its first character) mistyped", person(tx, t, func(p *csc.Person) {
			i := (slices.Index([]byte(upnLetters), p.UPN[0]) + 1) % len(upnLetters)
			p.UPN = csc.UPN(upnLetters[i:i+1]) + p.UPN[1:]
		})
	},
}, {
	name: "upn-letter-o", table: "ChildIdentifiers", rules: []string{"1540"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) {
		return target{child: c}, digitUPN(c.UPN) && slices.Contains([]byte(c.UPN[4:12]), '0')
	},
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		return "UPN typed with the letter O for a zero", person(tx, t, func(p *csc.Person) {
			i := 4 + slices.Index([]byte(p.UPN[4:12]), '0')
			p.UPN = p.UPN[:i] + "O" + p.UPN[i+1:]
		})
	},
}, {
	name: "primary-need-missing", table: "CINdetails", rules: []string{"8610"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) {
		return anEpisode(c, func(e *csc.CensusEpisode) bool { return !e.NFA && e.PrimaryNeed != "" })
	},
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		return fmt.Sprintf("referral of %s left with no primary need", t.ep.ReferralDate),
			referral(tx, t, func(r *csc.Referral) { r.PrimaryNeed = "" })
	},
}, {
	name: "closure-reason-missing", table: "CINdetails", rules: []string{"8805"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) {
		return anEpisode(c, func(e *csc.CensusEpisode) bool { return !s.known(e.ClosureDate).IsZero() && e.ClosureReason != "" })
	},
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		return fmt.Sprintf("episode closed on %s with no reason for closure", t.ep.ClosureDate),
			referral(tx, t, func(r *csc.Referral) { r.ClosureReason = "" })
	},
}, {
	// A referral with no further action has nothing under it, so closing it
	// early moves no work outside it (8565); it stays closed within the
	// year (8620).
	name: "closure-before-referral", table: "CINdetails", rules: []string{"8630"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) {
		return anEpisode(c, func(e *csc.CensusEpisode) bool {
			return e.NFA && !s.known(e.ClosureDate).IsZero() && e.ReferralDate.After(s.from) &&
				len(e.Assessments)+len(e.S47s)+len(e.CINPlans)+len(e.ProtectionPlan) == 0
		})
	},
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		closed := t.ep.ReferralDate.AddDays(-1)
		return fmt.Sprintf("referral of %s, with no further action, recorded as closed the day before (%s)", t.ep.ReferralDate, closed),
			referral(tx, t, func(r *csc.Referral) { r.ClosureDate = closed })
	},
}, {
	// Only an assessment: a plan under a referral with no further action
	// is another error (4000, 8832); a referral from before the year marked
	// so is queried (8569Q).
	name: "nfa-with-activity", table: "CINdetails", rules: []string{"8831"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) {
		return anEpisode(c, func(e *csc.CensusEpisode) bool {
			return !e.NFA && len(e.Assessments) > 0 && len(e.CINPlans)+len(e.ProtectionPlan) == 0 && !e.ReferralDate.Before(s.from)
		})
	},
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		return fmt.Sprintf("referral of %s marked no further action though the child was assessed", t.ep.ReferralDate),
			referral(tx, t, func(r *csc.Referral) { r.NFA = true })
	},
}, {
	name: "assessment-authorised-before-start", table: "Assessments", rules: []string{"8608"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) {
		return aRecord(c, assessments, func(e *csc.CensusEpisode, i int) bool {
			a := e.Assessments[i]
			return !s.known(a.AuthorisedDate).IsZero() && a.StartDate.After(s.from)
		})
	},
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		a, err := t.assessment(tx)
		if err != nil {
			return "", err
		}
		a.AuthorisedDate = a.StartDate.AddDays(-1)
		return fmt.Sprintf("assessment begun %s recorded as authorised the day before (%s)", a.StartDate, a.AuthorisedDate),
			tx.UpdateAssessment(a)
	},
}, {
	// The episode's only assessment, so that no other assessment starts
	// while it is now shown as running (8863Q).
	name: "assessment-authorised-after-closure", table: "Assessments", rules: []string{"8565"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) {
		return anEpisode(c, func(e *csc.CensusEpisode) bool {
			if closed := s.known(e.ClosureDate); closed.IsZero() || len(e.Assessments) != 1 ||
				s.known(e.Assessments[0].AuthorisedDate).IsZero() {
				return false
			}
			late := e.ClosureDate.AddDays(3)
			return !late.After(s.to) && !late.After(s.today)
		})
	},
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		a, err := t.assessment(tx)
		if err != nil {
			return "", err
		}
		a.AuthorisedDate = t.ep.ClosureDate.AddDays(3)
		return fmt.Sprintf("assessment authorised on %s, after its episode closed on %s", a.AuthorisedDate, t.ep.ClosureDate),
			tx.UpdateAssessment(a)
	},
}, {
	// The enquiry concluded with no conference needed, in a closed episode;
	// with no outcome it is shown as still open (8868), and queried if it
	// began more than 15 working days before the year's end (8675Q). It is
	// the episode's only enquiry and the child's last, so no other begins
	// while it is open (8839, 8890), and it began in the year (8740).
	name: "s47-outcome-missing", table: "Section47",
	find: func(s *seeder, c *csc.CensusChild) (target, bool) {
		t, ok := anEpisode(c, func(e *csc.CensusEpisode) bool {
			if s.known(e.ClosureDate).IsZero() || len(e.S47s) != 1 {
				return false
			}
			q := e.S47s[0]
			if !q.Concluded || q.ConferenceNeeded || !s.known(q.InitialCPC).IsZero() || q.StartDate.Before(s.from) {
				return false
			}
			for i := range c.Episodes {
				for _, o := range c.Episodes[i].S47s {
					if &c.Episodes[i] != e && !o.StartDate.Before(q.StartDate) {
						return false
					}
				}
			}
			return true
		})
		t.rules = []string{"8868"}
		if ok && t.ep.S47s[0].StartDate.Before(clock.AddWorkingDays(s.to, -15)) {
			t.rules = append(t.rules, "8675Q")
		}
		return t, ok
	},
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		q, err := t.s47(tx)
		if err != nil {
			return "", err
		}
		q.Outcome, q.ConferenceNeeded, q.OutcomeDate = "", false, csc.Date{}
		return fmt.Sprintf("section 47 enquiry begun %s left with no outcome, though its episode closed on %s", q.Started, t.ep.ClosureDate),
			tx.UpdateS47(q)
	},
}, {
	name: "cin-plan-end-before-start", table: "CINplanDates", rules: []string{"4011"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) {
		return aRecord(c, cinPlans, func(e *csc.CensusEpisode, i int) bool {
			p := e.CINPlans[i]
			return !s.known(p.EndDate).IsZero() && p.StartDate.After(s.from)
		})
	},
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		p, err := t.cinPlan(tx)
		if err != nil {
			return "", err
		}
		p.EndDate = p.StartDate.AddDays(-1)
		return fmt.Sprintf("child in need plan begun %s recorded as ended the day before (%s)", p.StartDate, p.EndDate),
			tx.UpdateCINPlan(p)
	},
}, {
	name: "cp-plan-end-before-start", table: "ChildProtectionPlans", rules: []string{"8925"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) {
		return aRecord(c, cpPlans, func(e *csc.CensusEpisode, i int) bool {
			p := e.ProtectionPlan[i]
			return !s.known(p.EndDate).IsZero() && p.StartDate.After(s.from)
		})
	},
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		p, err := t.cpPlan(tx)
		if err != nil {
			return "", err
		}
		p.End = p.Start.AddDays(-1)
		return fmt.Sprintf("child protection plan begun %s recorded as ended the day before (%s)", p.Start, p.End),
			tx.UpdateCPPlan(p)
	},
}, {
	name: "cp-plan-no-category", table: "ChildProtectionPlans", rules: []string{"8910"},
	find: func(s *seeder, c *csc.CensusChild) (target, bool) {
		return aRecord(c, cpPlans, func(e *csc.CensusEpisode, i int) bool { return e.ProtectionPlan[i].LatestCategory != "" })
	},
	apply: func(s *seeder, tx csc.Tx, t target) (string, error) {
		p, err := t.cpPlan(tx)
		if err != nil {
			return "", err
		}
		p.LatestCategory = ""
		return fmt.Sprintf("child protection plan begun %s left with no latest category of abuse", p.Start), tx.UpdateCPPlan(p)
	},
}}
