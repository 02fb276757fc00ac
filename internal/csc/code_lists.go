package csc

// The DfE code lists and how they change from year to year.
//
// Sources:
//   - [XSD] shared/specs/cin-census/CIN_schema_2023.xsd and CIN_schema_2024.xsd
//     (identical), the CIN census schema maintained by the London Innovation
//     and Improvement Alliance (liia-tools, MIT) from the DfE specification.
//     Values and labels are copied from its enumerations and their
//     xs:documentation annotations, including the DfE's capitals and curly
//     quotation marks.
//   - [XSD22] liia-tools liiatools/spec/cin_census/cin-2022.xsd: the 2022-23
//     schema, the same as [XSD] except that it has no referral source 5D and
//     no reason for closure RC9.
//   - [SPEC24] DfE, "Children in need census 2024 to 2025: business and
//     technical specification": <Sex> (N00783, values M, F, U) replaces
//     <GenderCurrent> (N00007) from 2024-25; see also CIN census rule 4180.
//   - [CS051] DfE Common Basic Data Set code set CS051 (UPN unknown reasons),
//     as found in a public database seed script; UN1-UN7 apply to the CIN
//     census (UN8-UN10 are SEN2 only). CIN census rule 8772 confirms UN7.
//
// Years 2025-26 to 2027-28 repeat 2024-25: the open-source CIN validator
// changes no code list for 2025-26, and we hold no machine-readable 2026-27
// list. Record any DfE change as a clChange in the year it takes effect.

// clPair is a code value and its label.
type clPair struct{ v, l string }

// clAdd inserts a code after another (or at the end when after is "").
type clAdd struct {
	after string
	v, l  string
}

// clChange is how a list differs in year from the year before. set replaces
// the whole list; remove, add and relabel then apply in that order.
type clChange struct {
	year    CollectionYear
	set     []clPair
	remove  []string
	add     []clAdd
	relabel []clPair
}

// clSpec is one list's history; its first change must be a set in
// clFirstYear.
type clSpec struct {
	id      ListID
	article string
	noun    string
	changes []clChange
}

var clSpecs = []clSpec{
	{id: ListEthnicity, article: "an", noun: "ethnicity code", changes: []clChange{
		{year: 2022, set: []clPair{ // [XSD22], [XSD]
			{"WBRI", "White British"},
			{"WIRI", "White Irish"},
			{"WIRT", "Traveller of Irish heritage"},
			{"WOTH", "Any other White background"},
			{"WROM", "Gypsy/Roma"},
			{"MWBC", "White and Black Caribbean"},
			{"MWBA", "White and Black African"},
			{"MWAS", "White and Asian"},
			{"MOTH", "Any other mixed background"},
			{"AIND", "Indian"},
			{"APKN", "Pakistani"},
			{"ABAN", "Bangladeshi"},
			{"AOTH", "Any other Asian background"},
			{"BCRB", "Caribbean"},
			{"BAFR", "African"},
			{"BOTH", "Any other black background"},
			{"CHNE", "Chinese"},
			{"OOTH", "Any other ethnic group"},
			{"REFU", "Refused"},
			{"NOBT", "Information not yet obtained"},
		}},
	}},

	{id: ListReferralSource, article: "a", noun: "referral source code", changes: []clChange{
		{year: 2022, set: []clPair{ // [XSD22]
			{"1A", "INDIVIDUAL – family member, relative or carer"},
			{"1B", "INDIVIDUAL – acquaintance (including neighbours and child minders)"},
			{"1C", "INDIVIDUAL – self"},
			{"1D", "INDIVIDUAL – other (including strangers)"},
			{"2A", "SCHOOLS"},
			{"2B", "EDUCATION SERVICES"},
			{"3A", "HEALTH SERVICES – general practitioner (GP)"},
			{"3B", "HEALTH SERVICES – health visitor"},
			{"3C", "HEALTH SERVICES – school nurse"},
			{"3D", "HEALTH SERVICES – other primary health services"},
			{"3E", "HEALTH SERVICES – A&E (accident and emergency department)"},
			{"3F", "HEALTH SERVICES – other (for example hospice)"},
			{"4", "HOUSING - local authority housing or housing association"},
			{"5A", "LA SERVICES – social care for example adults social care services"},
			{"5B", "LA SERVICES – other internal (department other than social care in local authorities, for example, youth offending (excluding housing))"},
			{"5C", "LA SERVICES – external, for example, from another local authority’s adults social care services"},
			{"6", "POLICE"},
			{"7", "OTHER LEGAL AGENCY – including courts, probation, immigration, CAFCASS (Children and Family Court Advisory and Support Service) or prison"},
			{"8", "OTHER – including children’s centres, independent agency providers or voluntary organisations"},
			{"9", "ANONYMOUS"},
			{"10", "UNKNOWN"},
		}},
		// [XSD] adds 5D from 2023-24. Its annotation reads "(LA SERVICES –
		// early help"; the stray opening bracket is dropped here.
		{year: 2023, add: []clAdd{{after: "5C", v: "5D", l: "LA SERVICES – early help"}}},
	}},

	{id: ListSex, article: "a", noun: "sex code", changes: []clChange{
		// GenderCurrent up to 2023-24, in [XSD] order and wording. The DfE
		// guide and the Common Basic Data Set word 0 and 9 differently
		// ("Not known", "Not specified"); the XSD wording is kept.
		{year: 2022, set: []clPair{
			{"1", "Male"},
			{"2", "Female"},
			{"0", "Not recorded or unborn"},
			{"9", "Indeterminate"},
		}},
		// Sex from 2024-25 [SPEC24]. An unborn child must be U (rule 8750).
		// TODO(verify): the exact DfE label for U; "Unknown" is what we can
		// stand behind (it covers unborn and indeterminate).
		{year: 2024, set: []clPair{
			{"M", "Male"},
			{"F", "Female"},
			{"U", "Unknown"},
		}},
	}},

	{id: ListDisability, article: "a", noun: "disability code", changes: []clChange{
		{year: 2022, set: []clPair{ // [XSD22], [XSD]
			{"NONE", "No disability"},
			{"MOB", "Mobility"},
			{"HAND", "Hand function"},
			{"PC", "Personal care"},
			{"INC", "Incontinence"},
			{"COMM", "Communication"},
			{"LD", "Learning"},
			{"HEAR", "Hearing"},
			{"VIS", "Vision"},
			{"BEH", "Behaviour"},
			{"CON", "Consciousness"},
			{"AUT", "Autism"},
			{"DDA", "Other"},
		}},
	}},

	{id: ListPrimaryNeed, article: "a", noun: "primary need code", changes: []clChange{
		{year: 2022, set: []clPair{ // [XSD22], [XSD]; the DfE lists N0 last
			{"N1", "Abuse or neglect"},
			{"N2", "Child's disability"},
			{"N3", "Parental disability or illness"},
			{"N4", "Family in acute stress"},
			{"N5", "Family dysfunction"},
			{"N6", "Socially unacceptable behaviour"},
			{"N7", "Low income"},
			{"N8", "Absent parenting"},
			{"N9", "Cases other than children in need"},
			{"N0", "Not stated"},
		}},
	}},

	{id: ListClosureReason, article: "a", noun: "reason for closure code", changes: []clChange{
		{year: 2022, set: []clPair{ // [XSD22]
			{"RC1", "Adopted"},
			{"RC2", "Died"},
			{"RC3", "Child arrangements order"},
			{"RC4", "Special guardianship order"},
			{"RC5", "Transferred to services of another local authority"},
			{"RC6", "Transferred to adult social care services"},
			{"RC7", "Services ceased for any other reason, including child no longer in need"},
			{"RC8", "Case closed after assessment, no further action"},
		}},
		{year: 2023, add: []clAdd{{v: "RC9", l: "Case closed after assessment, referred to early help"}}}, // [XSD]
	}},

	{id: ListAbuseCategory, article: "a", noun: "category of abuse code", changes: []clChange{
		{year: 2022, set: []clPair{ // [XSD22], [XSD]
			{"NEG", "Neglect"},
			{"PHY", "Physical abuse"},
			{"SAB", "Sexual abuse"},
			{"EMO", "Emotional abuse"},
			{"MUL", "Multiple/not recommended"},
		}},
	}},

	// Factors identified at the end of assessment, [XSD22] and [XSD], which
	// agree. The 8B-8F codes are private fostering and 16A-19C abuse or
	// neglect (there is no 8A, 18A or 19A). TODO(verify): the XSD says
	// "Domestic violence" for 3A-3C; later DfE guides may say "domestic
	// abuse".
	{id: ListAssessmentFactor, article: "an", noun: "assessment factor code", changes: []clChange{
		{year: 2022, set: []clPair{
			{"1A", "Alcohol misuse: concerns about alcohol misuse by the child"},
			{"1B", "Alcohol misuse: concerns about alcohol misuse by the parent(s)/carer(s)"},
			{"1C", "Alcohol misuse: concerns about alcohol misuse by another person living in the household"},
			{"2A", "Drug misuse: concerns about drug misuse by the child"},
			{"2B", "Drug misuse: concerns about drug misuse by the parent(s)/carer(s)"},
			{"2C", "Drug misuse: concerns about drug misuse by another person living in the household"},
			{"3A", "Domestic violence: concerns about the child being the subject of domestic violence"},
			{"3B", "Domestic violence: concerns about the child’s parent(s)/carer(s) being the subject of domestic violence"},
			{"3C", "Domestic violence: concerns about another person living in the household being the subject of domestic violence"},
			{"4A", "Mental health: concerns about the mental health of the child"},
			{"4B", "Mental health: concerns about the mental health of the parent(s)/carer(s)"},
			{"4C", "Mental health: concerns about the mental health of another person in the family/household"},
			{"5A", "Learning disability: concerns about the child’s learning disability"},
			{"5B", "Learning disability: concerns about the parent(s)/carer(s) learning disability"},
			{"5C", "Learning disability: concerns about another person in the family/household’s learning disability"},
			{"6A", "Physical disability or illness: concerns about a physical disability or illness of the child"},
			{"6B", "Physical disability or illness: concerns about a physical disability or illness of the parent(s)/carer(s)"},
			{"6C", "Physical disability or illness: concerns about a physical disability or illness of another person in the family/household"},
			{"7A", "Young carer: concerns that services may be required or the child’s health or development may be impaired due to their caring responsibilities"},
			{"8B", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - overseas children who intend to return"},
			{"8C", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - overseas children who intend to stay"},
			{"8D", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - UK children in educational placements"},
			{"8E", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - UK children making alternative family arrangements"},
			{"8F", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - other"},
			{"9A", "UASC: concerns that services may be required or the child may be at risk of harm as an unaccompanied asylum-seeking child"},
			{"10A", "Missing: concerns that services may be required or the child may be at risk of harm due to going/being missing"},
			{"11A", "Child sexual exploitation: concerns that services may be required or the child may be at risk of harm due to child sexual exploitation"},
			{"12A", "Trafficking: concerns that services may be required or the child may be at risk of harm due to trafficking"},
			{"13A", "Gangs: concerns that services may be required or the child may be at risk of harm because of involvement in/with gangs"},
			{"14A", "Socially unacceptable behaviour: concerns that services may be required or the child may be at risk due to their socially unacceptable behaviour"},
			{"15A", "Self-harm: concerns that services may be required or due to suspected/actual self-harming child may be at risk of harm"},
			{"16A", "Abuse or neglect – ‘NEGLECT’: concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect"},
			{"17A", "Abuse or neglect – ‘EMOTIONAL ABUSE’: concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect"},
			{"18B", "Abuse or neglect – ‘PHYSICAL ABUSE’ (child on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by another child"},
			{"18C", "Abuse or neglect – ‘PHYSICAL ABUSE’ (adult on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by an adult"},
			{"19B", "Abuse or neglect – ‘SEXUAL ABUSE’ (child on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by another child"},
			{"19C", "Abuse or neglect – ‘SEXUAL ABUSE’ (adult on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by an adult"},
			{"20", "Other"},
			{"21", "No factors identified - only use this if there is no evidence of any of the factors above and no further action is being taken"},
			{"22A", "Female genital mutilation (FGM) - concerns that services may be required or the child may be at risk due to female genital mutilation"},
			{"23A", "Abuse linked to faith or belief - concerns that services may be required or the child may be at risk due to abuse linked to faith or belief"},
			{"24A", "Child criminal exploitation: concerns that services may be required or the child may be at risk of harm due to child criminal exploitation"},
		}},
	}},

	// [CS051], with its capitals and full stops normalised. TODO(verify) against the CIN census guide's own wording,
	// especially UN4 and UN6; the D2I Standard Safeguarding Dataset words UN2
	// "...never attended a state-funded school in England...".
	{id: ListUPNUnknown, article: "a", noun: "UPN unknown reason code", changes: []clChange{
		{year: 2022, set: []clPair{
			{"UN1", "Child is aged under 6 years old and is not yet assigned a UPN"},
			{"UN2", "Child has never attended a maintained school in England and has not been assigned a UPN"},
			{"UN3", "Child is educated outside England and has not been assigned a UPN"},
			{"UN4", "Child is newly in need (one week before end of collection period) and the UPN was not yet known at the time of the CIN census annual statistical return"},
			{"UN5", "Sources collating UPNs reflect discrepancy/ies for the child's name and/or surname and/or date of birth therefore preventing reliable matching (e.g. duplicated UPN)"},
			{"UN6", "Child is not looked after, and the authority is unable to obtain the UPN"},
			{"UN7", "Child referred but no further action taken"},
		}},
	}},
}
