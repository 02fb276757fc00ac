package cin

import "cairn/internal/csc"

// One pass-and-fail case per rule. The base census passes every rule; each
// fail function makes the smallest change that breaks the rule.

var _ = addCases(
	// Header and the file as a whole.
	ruleCase{code: "100", fail: func(s *census) { s.h.ReferenceDate = d("2025-03-31") }},
	ruleCase{code: "1520", pass: func(s *census) { s.second("C2") }, fail: func(s *census) { s.kids[1].UPN = s.kids[0].UPN }, row: 11},
	ruleCase{code: "2886Q", fail: func(s *census) { s.child().Sex = "U" }},
	ruleCase{code: "2887Q", fail: func(s *census) { s.child().Disabilities = s.child().Disabilities[:7] }},
	ruleCase{code: "2888Q", fail: func(s *census) {
		s.child().Disabilities = s.child().Disabilities[:1]
	}},
	ruleCase{code: "8510", pass: func(s *census) { s.second("C2") }, fail: func(s *census) { s.kids[1].LAchildID = "C1" }, row: 11},

	// ChildIdentifiers.
	ruleCase{code: "1510", fail: func(s *census) { s.child().UPN = "A201123456789" }, row: 11},
	ruleCase{code: "1530", fail: func(s *census) { s.child().UPN = "P999123456789" }},
	ruleCase{code: "1540", fail: func(s *census) { s.child().UPN = "P2011234X6789" }},
	ruleCase{code: "1550", fail: func(s *census) { s.child().UPN = "P20112345678I" }},
	ruleCase{code: "1560Q", pass: func(s *census) { s.child().FormerUPN = "P201123456789" }, fail: func(s *census) { s.child().FormerUPN = "P2011234" }},
	ruleCase{code: "1570", fail: func(s *census) { s.child().LAchildID = "C123456789012345678901" }},
	ruleCase{code: "1580", fail: func(s *census) { s.child().LAchildID = "C-1" }},
	ruleCase{code: "4180", fail: func(s *census) { s.child().Sex = "1" }},
	ruleCase{code: "8500", fail: func(s *census) { s.child().LAchildID = "" }},
	ruleCase{code: "8520", fail: func(s *census) { s.child().PersonBirthDate = d("2026-04-01") }},
	ruleCase{code: "8525Q", fail: func(s *census) { s.child().ExpectedPersonBirthDate = d("2026-05-01") }},
	ruleCase{code: "8530Q", pass: func(s *census) {
		c := s.child()
		c.PersonBirthDate, c.ExpectedPersonBirthDate = csc0, d("2026-03-01")
	}, fail: func(s *census) { s.child().ExpectedPersonBirthDate = d("2026-02-28") }},
	ruleCase{code: "8535Q", pass: func(s *census) { s.child().PersonDeathDate = d("2025-06-10") }, fail: func(s *census) { s.child().PersonDeathDate = d("2015-06-09") }},
	ruleCase{code: "8545Q", pass: func(s *census) { s.child().PersonDeathDate = d("2026-03-31") }, fail: func(s *census) { s.child().PersonDeathDate = d("2026-04-01") }},
	ruleCase{code: "8590", fail: func(s *census) { s.child().CIN = nil }},
	ruleCase{code: "8750", pass: func(s *census) {
		c := s.child()
		c.PersonBirthDate, c.ExpectedPersonBirthDate, c.Sex = csc0, d("2026-05-01"), "U"
	}, fail: func(s *census) { s.child().Sex = "F" }},
	ruleCase{code: "8770Q", pass: func(s *census) { s.child().UPN, s.child().UPNunknown = "", "UN2" }, fail: func(s *census) { s.child().UPNunknown = "UN1" }},
	ruleCase{code: "8772", pass: func(s *census) { s.child().UPNunknown = "UN2" }, fail: func(s *census) { s.child().UPNunknown = "UN7" }},
	ruleCase{code: "8775Q", pass: func(s *census) {
		s.child().PersonBirthDate = d("2000-06-10")
		s.cin().ClosureDate, s.cin().ReasonForClosure = d("2025-06-09"), "RC7"
	}, fail: func(s *census) { s.cin().ClosureDate = d("2025-06-11") }},

	// ChildCharacteristics and Disabilities.
	ruleCase{code: "4220", fail: func(s *census) { s.child().Ethnicity = "XXXX" }, row: 19},
	ruleCase{code: "8540", fail: func(s *census) { s.child().Disabilities[3].Value = "BAD" }},
	ruleCase{code: "8790", pass: func(s *census) { s.child().Disabilities = []Coded{{20, "NONE"}} }, fail: func(s *census) {
		s.child().Disabilities = append(s.child().Disabilities, Coded{21, "MOB"})
	}},
	ruleCase{code: "8794", fail: func(s *census) { s.child().Disabilities[1].Value = "MOB" }, row: 21},

	// CINdetails.
	ruleCase{code: "2990", pass: func(s *census) {
		e := s.cin()
		e.ClosureDate, e.ReasonForClosure, e.S47, e.CPP, e.Plans = d("2025-06-20"), "RC8", nil, nil, nil
	}, fail: func(s *census) {
		s.cin().Plans = []CINPlan{{Line: 70, StartDate: d("2025-06-11"), EndDate: d("2025-06-20")}}
	}},
	ruleCase{code: "2991Q", fail: func(s *census) { s.cin().Assessments = nil }, row: 30},
	ruleCase{code: "8555Q", pass: func(s *census) { s.child().PersonDeathDate = d("2025-05-01") }, fail: func(s *census) { s.child().PersonDeathDate = d("2025-04-30") }},
	ruleCase{code: "8565", pass: func(s *census) { closeCase(s, "2026-01-10") }, fail: func(s *census) { s.cin().Plans[0].EndDate = d("2026-01-11") }, row: 70},
	ruleCase{code: "8568", fail: func(s *census) { s.cin().ReferralNFA = "no" }},
	ruleCase{code: "8569Q", pass: func(s *census) { nfa(s, "2025-03-31") }, fail: func(s *census) { nfa(s, "2025-03-28") }},
	ruleCase{code: "8585Q", pass: func(s *census) {
		closeCase(s, "2026-01-10")
		s.cin().ReasonForClosure, s.child().PersonDeathDate = "RC2", d("2026-01-10")
	}, fail: func(s *census) { s.child().PersonDeathDate = csc0 }},
	ruleCase{code: "8600", fail: func(s *census) { s.cin().ReferralDate = csc0 }},
	ruleCase{code: "8606", pass: func(s *census) {
		c := s.child()
		c.PersonBirthDate, c.ExpectedPersonBirthDate, c.Sex = csc0, d("2026-02-05"), "U"
		s.cin().ReferralDate = d("2025-05-01") // 40 weeks before the expected birth
	}, fail: func(s *census) { s.cin().ReferralDate = d("2025-04-30") }},
	ruleCase{code: "8610", fail: func(s *census) { s.cin().PrimaryNeedCode = "" }},
	ruleCase{code: "8620", pass: func(s *census) { closeCase(s, "2026-03-31") }, fail: func(s *census) { s.cin().ClosureDate = d("2026-04-01") }},
	ruleCase{code: "8630", pass: func(s *census) { nfa(s, "2025-05-01") }, fail: func(s *census) { s.cin().ClosureDate = d("2025-04-30") }},
	ruleCase{code: "8640", pass: func(s *census) { closeCase(s, "2026-01-10") }, fail: func(s *census) { s.cin().ReasonForClosure = "RC0" }},
	ruleCase{code: "8650", fail: func(s *census) { s.cin().PrimaryNeedCode = "N10" }},
	ruleCase{code: "8805", pass: func(s *census) { closeCase(s, "2026-01-10") }, fail: func(s *census) { s.cin().ReasonForClosure = "" }},
	ruleCase{code: "8810", fail: func(s *census) { s.cin().ReasonForClosure = "RC7" }},
	ruleCase{code: "8815", pass: func(s *census) { s.child().CIN = append(s.child().CIN, nfaEpisode("2026-02-02")) }, fail: func(s *census) {
		e := &s.child().CIN[1]
		e.ReferralNFA, e.ClosureDate, e.ReasonForClosure = "false", csc0, ""
	}},
	ruleCase{code: "8816", pass: func(s *census) { s.child().CIN = append(s.child().CIN, nfaEpisode("2025-04-10")) }, fail: func(s *census) {
		s.child().CIN[1].ReferralDate, s.child().CIN[1].ClosureDate = d("2026-02-02"), d("2026-02-02")
	}, row: 30},
	ruleCase{code: "8820", pass: func(s *census) {
		closeCase(s, "2026-01-10")
		s.child().CIN = append(s.child().CIN, nfaEpisode("2026-01-10"))
	}, fail: func(s *census) { s.child().CIN[1].ReferralDate = d("2026-01-09") }},
	ruleCase{code: "8825Q", pass: func(s *census) {
		e := s.cin()
		e.ClosureDate, e.ReasonForClosure, e.S47, e.CPP, e.Plans = d("2025-06-20"), "RC9", nil, nil, nil
	}, fail: func(s *census) { s.cin().Assessments = nil }},
	ruleCase{code: "8831", pass: func(s *census) { nfa(s, "2025-05-01") }, fail: func(s *census) {
		s.cin().Assessments = []Assessment{{Line: 40, StartDate: d("2025-05-01")}}
	}},
	ruleCase{code: "8866", fail: func(s *census) { s.cin().ReferralSource = "1E" }},
	ruleCase{code: "8867", pass: func(s *census) { closeCase(s, "2026-01-10") }, fail: func(s *census) { s.cin().Assessments[0].AuthorisationDate = csc0 }},
	ruleCase{code: "8868", pass: func(s *census) { closeCase(s, "2026-01-10") }, fail: func(s *census) { s.cin().S47[0].DateOfInitialCPC = csc0 }},
	ruleCase{code: "8890", pass: func(s *census) {
		s.cin().S47 = append(s.cin().S47, Section47{Line: 55, StartDate: d("2025-07-01"), ICPCnotRequired: "true"})
	}, fail: func(s *census) {
		s.cin().S47[1].StartDate = d("2025-06-30")
	}, row: 55},

	// Assessments.
	ruleCase{code: "1103", fail: func(s *census) { s.cin().Assessments[0].StartDate = d("2025-04-30") }, row: 40},
	ruleCase{code: "8608", fail: func(s *census) { s.cin().Assessments[0].StartDate = d("2025-06-11") }},
	ruleCase{code: "8614", pass: func(s *census) { s.cin().Assessments[0].Factors = nil; s.cin().Assessments[0].AuthorisationDate = csc0 }, fail: func(s *census) {
		s.cin().Assessments[0].Factors = []Coded{{41, "2A"}}
	}},
	ruleCase{code: "8670Q", pass: func(s *census) { openAssessment(s, "2026-01-27") }, fail: func(s *census) { s.cin().Assessments[1].StartDate = d("2026-01-26") }},
	ruleCase{code: "8696", fail: func(s *census) { s.cin().Assessments[0].AuthorisationDate = d("2026-04-01") }},
	ruleCase{code: "8736", pass: func(s *census) { openAssessment(s, "2026-03-01") }, fail: func(s *census) { openAssessment(s, "2025-03-31") }},
	ruleCase{code: "8863Q", pass: func(s *census) {
		s.cin().Assessments = append(s.cin().Assessments, Assessment{Line: 45, StartDate: d("2025-06-10"), AuthorisationDate: d("2025-06-11"), Factors: []Coded{{46, "2A"}}})
	}, fail: func(s *census) { s.cin().Assessments[1].StartDate = d("2025-06-09") }, row: 45},
	ruleCase{code: "8869", pass: func(s *census) { s.cin().Assessments[0].Factors = []Coded{{41, "21"}} }, fail: func(s *census) {
		s.cin().Assessments[0].Factors = append(s.cin().Assessments[0].Factors, Coded{42, "2A"})
	}},
	ruleCase{code: "8873Q", pass: func(s *census) {
		e := s.cin()
		e.ClosureDate, e.ReasonForClosure, e.S47, e.CPP, e.Plans = d("2025-06-20"), "RC8", nil, nil, nil
		e.Assessments[0].Factors = []Coded{{41, "21"}}
	}, fail: func(s *census) { s.cin().ReasonForClosure = "RC7" }},
	ruleCase{code: "8896", pass: func(s *census) { openAssessment(s, "2026-03-01") }, fail: func(s *census) {
		s.cin().Assessments = append(s.cin().Assessments, Assessment{Line: 45, StartDate: d("2026-03-02")})
	}},
	ruleCase{code: "8897Q", fail: func(s *census) { s.cin().Assessments[0].Factors = nil }},
	ruleCase{code: "8898", fail: func(s *census) { s.cin().Assessments[0].Factors[1].Value = "2A" }, row: 42},
	ruleCase{code: "8945Q", fail: func(s *census) { s.cin().Assessments[0].Factors[1].Value = "18A" }},
	ruleCase{code: "8950Q", fail: func(s *census) { s.cin().Assessments[0].Factors[1].Value = "19A" }},

	// Section47.
	ruleCase{code: "1104", fail: func(s *census) { s.cin().S47[0].DateOfInitialCPC = d("2025-04-29") }},
	ruleCase{code: "2884", fail: func(s *census) { s.cin().DateOfInitialCPC = d("2025-07-01") }},
	ruleCase{code: "2889", fail: func(s *census) { s.cin().S47[0].StartDate = d("2025-04-30") }},
	ruleCase{code: "8615", fail: func(s *census) { s.cin().S47[0].StartDate = d("2025-07-02") }},
	ruleCase{code: "8675Q", pass: func(s *census) { openS47(s, "2026-03-10") }, fail: func(s *census) { openS47(s, "2026-03-09") }},
	ruleCase{code: "8715", fail: func(s *census) { s.cin().S47[0].DateOfInitialCPC = d("2025-03-31") }},
	ruleCase{code: "8740", pass: func(s *census) { openS47(s, "2026-03-20") }, fail: func(s *census) { openS47(s, "2025-03-20") }},
	ruleCase{code: "8839", pass: func(s *census) { openS47(s, "2026-03-20") }, fail: func(s *census) {
		s.cin().S47 = append(s.cin().S47, Section47{Line: 55, StartDate: d("2026-03-21"), ICPCnotRequired: "false"})
	}},
	ruleCase{code: "8870Q", fail: func(s *census) { s.cin().S47[0].InitialCPCtarget = d("2025-07-05") }},
	ruleCase{code: "8875", fail: func(s *census) {
		s.cin().S47[0].DateOfInitialCPC = d("2025-07-05")
	}},

	// CINplanDates.
	ruleCase{code: "4000", pass: func(s *census) { nfa(s, "2025-05-01") }, fail: func(s *census) { s.cin().Plans = []CINPlan{{Line: 70, StartDate: d("2025-05-01")}} }},
	ruleCase{code: "4001", fail: func(s *census) { s.cin().CPP[0].EndDate = csc0 }},
	ruleCase{code: "4004", fail: func(s *census) {
		s.cin().Plans = append(s.cin().Plans, CINPlan{Line: 75, StartDate: d("2026-01-01")})
	}, row: 75},
	ruleCase{code: "4008", pass: func(s *census) { s.child().PersonDeathDate = d("2025-12-01") }, fail: func(s *census) { s.child().PersonDeathDate = d("2025-11-30") }},
	ruleCase{code: "4009Q", pass: func(s *census) {
		s.child().PersonDeathDate = d("2026-01-10")
		s.cin().Plans[0].EndDate = d("2026-01-10")
	}, fail: func(s *census) { s.cin().Plans[0].EndDate = d("2026-01-11") }},
	ruleCase{code: "4010", fail: func(s *census) { s.cin().Plans[0].StartDate = d("2026-04-01") }},
	ruleCase{code: "4011", pass: func(s *census) { s.cin().Plans[0].EndDate = d("2025-12-02") }, fail: func(s *census) { s.cin().Plans[0].EndDate = d("2025-11-30") }},
	ruleCase{code: "4012Q", fail: func(s *census) { s.cin().Plans[0].EndDate = d("2025-12-01") }},
	ruleCase{code: "4013", fail: func(s *census) { s.cin().Plans[0].EndDate = d("2026-04-01") }},
	ruleCase{code: "4014", pass: func(s *census) {
		s.cin().Plans[0].EndDate = d("2026-01-01")
		s.cin().Plans = append(s.cin().Plans, CINPlan{Line: 75, StartDate: d("2026-01-01")})
	}, fail: func(s *census) { s.cin().Plans[1].StartDate = d("2025-12-31") }, row: 75},
	ruleCase{code: "4015", pass: func(s *census) {
		s.cin().Plans = []CINPlan{{Line: 70, StartDate: d("2025-05-01"), EndDate: d("2025-07-01")}}
	}, fail: func(s *census) { s.cin().Plans[0].StartDate = d("2025-04-30") }},
	ruleCase{code: "4016", fail: func(s *census) { s.cin().Plans[0].StartDate = d("2025-11-30") }},
	ruleCase{code: "4017", pass: func(s *census) {
		s.cin().Plans = append(s.cin().Plans, CINPlan{Line: 75, StartDate: d("2025-06-01"), EndDate: d("2025-07-01")})
	}, fail: func(s *census) { s.cin().Plans[1].EndDate = d("2025-07-02") }, row: 75},

	// ChildProtectionPlans and Reviews.
	ruleCase{code: "1105", fail: func(s *census) { s.cin().CPP[0].StartDate = d("2025-04-30") }},
	ruleCase{code: "2883", pass: func(s *census) {
		// A plan carried in from last year, its conference last year and so
		// not in the census.
		e := &s.second("C2").CIN[0]
		e.S47, e.CPP[0].StartDate = nil, d("2025-03-10")
	}, fail: func(s *census) {
		s.cin().CPP = append(s.cin().CPP, ProtectionPlan{Line: 65, StartDate: d("2026-01-05"), InitialCategoryOfAbuse: "NEG", LatestCategoryOfAbuse: "NEG", NumberOfPreviousCPP: "1"})
	}},
	ruleCase{code: "2885", fail: func(s *census) { s.cin().CPP[0].StartDate = d("2025-07-02") }},
	ruleCase{code: "4003", fail: func(s *census) {
		s.cin().CPP[0].Reviews = append(s.cin().CPP[0].Reviews, Review{62, d("2025-12-02")})
	}, row: 62},
	ruleCase{code: "8720", fail: func(s *census) { s.cin().CPP[0].StartDate = csc0 }},
	ruleCase{code: "8730", fail: func(s *census) { s.cin().CPP[0].NumberOfPreviousCPP = "" }},
	ruleCase{code: "8832", pass: func(s *census) { nfa(s, "2025-05-01") }, fail: func(s *census) {
		s.cin().CPP = []ProtectionPlan{{Line: 60, StartDate: d("2025-05-01")}}
	}},
	ruleCase{code: "8840", fail: func(s *census) { s.cin().CPP[0].EndDate = d("2025-07-01") }},
	ruleCase{code: "8841", pass: func(s *census) { s.cin().CPP[0].Reviews[0].Date = d("2025-07-02") }, fail: func(s *census) { s.cin().CPP[0].Reviews[0].Date = d("2025-07-01") }},
	ruleCase{code: "8842Q", fail: func(s *census) { s.cin().CPP[0].Reviews[0].Date = csc0 }, row: 61},
	ruleCase{code: "8905", fail: func(s *census) { s.cin().CPP[0].InitialCategoryOfAbuse = "ABC" }},
	ruleCase{code: "8910", fail: func(s *census) { s.cin().CPP[0].LatestCategoryOfAbuse = "" }},
	ruleCase{code: "8915", pass: func(s *census) { s.child().PersonDeathDate = d("2025-12-01") }, fail: func(s *census) { s.child().PersonDeathDate = d("2025-06-30") }},
	ruleCase{code: "8920", pass: func(s *census) { s.child().PersonDeathDate = d("2025-12-01") }, fail: func(s *census) { s.child().PersonDeathDate = d("2025-11-30") }},
	ruleCase{code: "8925", fail: func(s *census) { s.cin().CPP[0].EndDate = d("2025-06-30") }},
	ruleCase{code: "8930", fail: func(s *census) { s.cin().CPP[0].EndDate = d("2026-04-01") }},
	ruleCase{code: "8935", pass: func(s *census) { s.cin().CPP[0].EndDate = csc0; s.cin().Plans = nil }, fail: func(s *census) {
		s.cin().CPP = append(s.cin().CPP, ProtectionPlan{Line: 65, StartDate: d("2026-01-05")})
	}, row: 65},
	ruleCase{code: "8940", pass: func(s *census) {
		s.cin().CPP = append(s.cin().CPP, ProtectionPlan{Line: 65, StartDate: d("2025-12-01"), EndDate: d("2026-01-05")})
	}, fail: func(s *census) { s.cin().CPP[1].StartDate = d("2025-11-30") }, row: 65},
)

// csc0 is a missing date.
var csc0 csc.Date

// closeCase closes the base episode on the date with reason RC7, after all
// its activity.
func closeCase(s *census, on string) {
	e := s.cin()
	e.ClosureDate, e.ReasonForClosure = d(on), "RC7"
	e.Plans[0].EndDate = d(on)
}

// nfa makes the base episode a referral on the date with no further action.
func nfa(s *census, on string) {
	*s.cin() = nfaEpisode(on)
}

func nfaEpisode(on string) CINDetails {
	return CINDetails{Line: 80, ReferralDate: d(on), ReferralSource: "1A", ClosureDate: d(on), ReasonForClosure: "RC8", ReferralNFA: "true"}
}

// openAssessment adds a second episode's worth of work: an assessment in the
// base episode that started on the date and is not finished.
func openAssessment(s *census, on string) {
	s.cin().Assessments = append(s.cin().Assessments, Assessment{Line: 44, StartDate: d(on)})
}

// openS47 adds an enquiry that started on the date and has held no
// conference.
func openS47(s *census, on string) {
	s.cin().S47 = append(s.cin().S47, Section47{Line: 54, StartDate: d(on), ICPCnotRequired: "false"})
}
