package cin

import (
	"cairn/internal/csc"
)

// Rules on CINplanDates, ChildProtectionPlans and Reviews.

func eachPlan(c *Child, fn func(e *CINDetails, p *CINPlan)) {
	eachCIN(c, func(e *CINDetails) {
		for i := range e.Plans {
			fn(e, &e.Plans[i])
		}
	})
}

func eachCPP(c *Child, fn func(e *CINDetails, p *ProtectionPlan)) {
	eachCIN(c, func(e *CINDetails) {
		for i := range e.CPP {
			fn(e, &e.CPP[i])
		}
	})
}

// during reports whether d falls in a period that starts on start and runs
// to the day before end, or on without end when end is zero: a plan that
// ends on the day another starts does not overlap it.
func during(d, start, end csc.Date) bool {
	return !d.IsZero() && !start.IsZero() && !d.Before(start) && (end.IsZero() || d.Before(end))
}

// overlaps reports, for periods given by start and end, the index of one
// that starts during an earlier one (or on the same day as another), or -1.
func overlaps(n int, start, end func(int) csc.Date) int {
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == j || start(j).Before(start(i)) || (start(j) == start(i) && j < i) {
				continue
			}
			if during(start(j), start(i), end(i)) {
				return j
			}
		}
	}
	return -1
}

func init() {
	childRule("1105", func(_ *Dataset, c *Child, f *fails) {
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
			if !p.StartDate.IsZero() && p.StartDate.Before(e.ReferralDate) {
				f.add(c, TChildProtectionPlans, p.Line, "CPPstartDate", "CINreferralDate")
			}
		})
	})
	// 2883 is about the authority as a whole, as the DfE defines it: the
	// plans starting in the census year cannot outnumber the initial
	// conferences held in it (on the episodes and the enquiries). A plan
	// carried in from last year has its conference in last year, which the
	// census does not report (8715), so neither is counted.
	fileRule("2883", func(d *Dataset, f *fails) {
		if d.File.planStarts > d.File.conferences {
			f.whole(TChildProtectionPlans, "CPPstartDate", "DateOfInitialCPC")
		}
	})
	childRule("2885", func(d *Dataset, c *Child, f *fails) {
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
			if !inYear(p.StartDate, d.Year) || p.StartDate == e.DateOfInitialCPC {
				return
			}
			for _, s := range e.S47 {
				if s.DateOfInitialCPC == p.StartDate {
					return
				}
			}
			f.add(c, TChildProtectionPlans, p.Line, "CPPstartDate", "DateOfInitialCPC")
		})
	})
	childRule("4000", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if isTrue(e.ReferralNFA) && len(e.Plans) > 0 {
				f.add(c, TCINplanDates, e.Plans[0].Line, "ReferralNFA")
			}
		})
	})
	childRule("4001", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			for _, p := range e.CPP {
				if !p.EndDate.IsZero() {
					continue
				}
				for _, q := range e.Plans {
					if q.EndDate.IsZero() {
						f.add(c, TCINplanDates, q.Line, "CINPlanEndDate", "CPPendDate")
						return
					}
				}
			}
		})
	})
	childRule("4003", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			for _, p := range e.CPP {
				for _, r := range p.Reviews {
					for _, q := range e.Plans {
						if r.Date.After(q.StartDate) && during(r.Date, q.StartDate, q.EndDate) {
							f.add(c, TReviews, r.Line, "CINPlanStartDate", "CINPlanEndDate", "CPPreviewDate")
						}
					}
				}
			}
		})
	})
	childRule("4004", func(_ *Dataset, c *Child, f *fails) {
		var open []*CINPlan
		eachPlan(c, func(e *CINDetails, p *CINPlan) {
			if p.EndDate.IsZero() {
				open = append(open, p)
			}
		})
		if len(open) > 1 {
			f.add(c, TCINplanDates, open[1].Line, "CINPlanEndDate")
		}
	})
	childRule("4008", func(_ *Dataset, c *Child, f *fails) {
		eachPlan(c, func(e *CINDetails, p *CINPlan) {
			if !c.PersonDeathDate.IsZero() && p.StartDate.After(c.PersonDeathDate) {
				f.add(c, TCINplanDates, p.Line, "PersonDeathDate", "CINPlanStartDate")
			}
		})
	})
	childRule("4009Q", func(_ *Dataset, c *Child, f *fails) {
		eachPlan(c, func(e *CINDetails, p *CINPlan) {
			if !c.PersonDeathDate.IsZero() && p.EndDate.After(c.PersonDeathDate) {
				f.add(c, TCINplanDates, p.Line, "PersonDeathDate", "CINPlanEndDate")
			}
		})
	})
	childRule("4010", func(d *Dataset, c *Child, f *fails) {
		eachPlan(c, func(e *CINDetails, p *CINPlan) {
			if p.StartDate.IsZero() || p.StartDate.After(d.Year.End) {
				f.add(c, TCINplanDates, p.Line, "CINPlanStartDate")
			}
		})
	})
	childRule("4011", func(_ *Dataset, c *Child, f *fails) {
		eachPlan(c, func(e *CINDetails, p *CINPlan) {
			if !p.EndDate.IsZero() && p.EndDate.Before(p.StartDate) {
				f.add(c, TCINplanDates, p.Line, "CINPlanEndDate", "CINPlanStartDate")
			}
		})
	})
	childRule("4012Q", func(_ *Dataset, c *Child, f *fails) {
		eachPlan(c, func(e *CINDetails, p *CINPlan) {
			if !p.StartDate.IsZero() && p.StartDate == p.EndDate {
				f.add(c, TCINplanDates, p.Line, "CINPlanStartDate", "CINPlanEndDate")
			}
		})
	})
	childRule("4013", func(d *Dataset, c *Child, f *fails) {
		eachPlan(c, func(e *CINDetails, p *CINPlan) {
			if !p.EndDate.IsZero() && !inYear(p.EndDate, d.Year) {
				f.add(c, TCINplanDates, p.Line, "CINPlanEndDate")
			}
		})
	})
	childRule("4014", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			ps := e.Plans
			if j := overlaps(len(ps), func(i int) csc.Date { return ps[i].StartDate }, func(i int) csc.Date { return ps[i].EndDate }); j >= 0 {
				f.add(c, TCINplanDates, ps[j].Line, "CINPlanStartDate", "CINPlanEndDate")
			}
		})
	})
	childRule("4015", func(_ *Dataset, c *Child, f *fails) {
		eachPlan(c, func(e *CINDetails, p *CINPlan) {
			if !p.StartDate.IsZero() && p.StartDate.Before(e.ReferralDate) {
				f.add(c, TCINplanDates, p.Line, "CINPlanStartDate", "CINreferralDate")
			}
		})
	})
	childRule("4016", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			for _, q := range e.Plans {
				for _, p := range e.CPP {
					if during(q.StartDate, p.StartDate, p.EndDate) {
						f.add(c, TCINplanDates, q.Line, "CINPlanStartDate", "CPPstartDate", "CPPendDate")
					}
				}
			}
		})
	})
	childRule("4017", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			for _, q := range e.Plans {
				for _, p := range e.CPP {
					if during(p.StartDate, q.StartDate, q.EndDate) {
						f.add(c, TCINplanDates, q.Line, "CINPlanStartDate", "CINPlanEndDate", "CPPstartDate")
					}
				}
			}
		})
	})
	childRule("8720", func(d *Dataset, c *Child, f *fails) {
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
			if p.StartDate.IsZero() || p.StartDate.After(d.Year.End) {
				f.add(c, TChildProtectionPlans, p.Line, "CPPstartDate")
			}
		})
	})
	childRule("8730", func(_ *Dataset, c *Child, f *fails) {
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
			if !allDigits(p.NumberOfPreviousCPP) {
				f.add(c, TChildProtectionPlans, p.Line, "NumberOfPreviousCPP")
			}
		})
	})
	childRule("8832", func(_ *Dataset, c *Child, f *fails) {
		eachCIN(c, func(e *CINDetails) {
			if isTrue(e.ReferralNFA) && len(e.CPP) > 0 {
				f.add(c, TChildProtectionPlans, e.CPP[0].Line, "ReferralNFA")
			}
		})
	})
	childRule("8840", func(_ *Dataset, c *Child, f *fails) {
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
			if !p.StartDate.IsZero() && p.StartDate == p.EndDate {
				f.add(c, TChildProtectionPlans, p.Line, "CPPstartDate", "CPPendDate")
			}
		})
	})
	childRule("8841", func(_ *Dataset, c *Child, f *fails) {
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
			for _, r := range p.Reviews {
				if !r.Date.IsZero() && !r.Date.After(p.StartDate) {
					f.add(c, TReviews, r.Line, "CPPstartDate", "CPPreviewDate")
				}
			}
		})
	})
	childRule("8842Q", func(_ *Dataset, c *Child, f *fails) {
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
			for _, r := range p.Reviews {
				if r.Date.IsZero() {
					f.add(c, TReviews, r.Line, "CPPreviewDate")
				}
			}
		})
	})
	abuse := func(field string, get func(*ProtectionPlan) string) func(*Dataset, *Child, *fails) {
		return func(d *Dataset, c *Child, f *fails) {
			eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
				if _, ok := csc.LookupCode(csc.ListAbuseCategory, d.Year.CY, get(p)); !ok {
					f.add(c, TChildProtectionPlans, p.Line, field)
				}
			})
		}
	}
	childRule("8905", abuse("InitialCategoryOfAbuse", func(p *ProtectionPlan) string { return p.InitialCategoryOfAbuse }))
	childRule("8910", abuse("LatestCategoryOfAbuse", func(p *ProtectionPlan) string { return p.LatestCategoryOfAbuse }))
	childRule("8915", func(_ *Dataset, c *Child, f *fails) {
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
			if !c.PersonDeathDate.IsZero() && p.StartDate.After(c.PersonDeathDate) {
				f.add(c, TChildProtectionPlans, p.Line, "CPPstartDate", "PersonDeathDate")
			}
		})
	})
	childRule("8920", func(_ *Dataset, c *Child, f *fails) {
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
			if !c.PersonDeathDate.IsZero() && p.EndDate.After(c.PersonDeathDate) {
				f.add(c, TChildProtectionPlans, p.Line, "PersonDeathDate", "CPPendDate")
			}
		})
	})
	childRule("8925", func(_ *Dataset, c *Child, f *fails) {
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
			if !p.EndDate.IsZero() && p.EndDate.Before(p.StartDate) {
				f.add(c, TChildProtectionPlans, p.Line, "CPPstartDate", "CPPendDate")
			}
		})
	})
	childRule("8930", func(d *Dataset, c *Child, f *fails) {
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
			if !p.EndDate.IsZero() && !inYear(p.EndDate, d.Year) {
				f.add(c, TChildProtectionPlans, p.Line, "CPPendDate")
			}
		})
	})
	childRule("8935", func(_ *Dataset, c *Child, f *fails) {
		var open []*ProtectionPlan
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) {
			if p.EndDate.IsZero() {
				open = append(open, p)
			}
		})
		if len(open) > 1 {
			f.add(c, TChildProtectionPlans, open[1].Line, "CPPendDate")
		}
	})
	childRule("8940", func(_ *Dataset, c *Child, f *fails) {
		var ps []*ProtectionPlan
		eachCPP(c, func(e *CINDetails, p *ProtectionPlan) { ps = append(ps, p) })
		if j := overlaps(len(ps), func(i int) csc.Date { return ps[i].StartDate }, func(i int) csc.Date { return ps[i].EndDate }); j >= 0 {
			f.add(c, TChildProtectionPlans, ps[j].Line, "CPPstartDate", "CPPendDate")
		}
	})
}
