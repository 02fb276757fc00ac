package cin

import (
	"bufio"
	"fmt"
	"io"
)

// writeCensus writes a synthetic 2025/26 census of n children for tests and
// benchmarks, with distinct IDs and UPNs: every third child like the base
// census's (an assessment, an enquiry, a protection plan with a review, then
// a CIN plan), the others referred and assessed with no further work, as most
// children in a census are. bad, when not nil, is called with each child's number and may return
// XML to put in place of the child's characteristics, to seed a problem.
func writeCensus(w io.Writer, n int, bad func(i int) string) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>201</LEA><SoftwareCode>cairn</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo><DateTime>2026-04-02T09:00:00</DateTime></Source></Header>
<Children>
`)
	for i := range n {
		upn := fmt.Sprintf("%012d", 201000000000+i)
		if c, ok := upnCheckLetter("X" + upn); ok {
			upn = string(c) + upn
		}
		chars := `<ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>MOB</Disability><Disability>HAND</Disability><Disability>PC</Disability><Disability>INC</Disability><Disability>COMM</Disability><Disability>LD</Disability><Disability>HEAR</Disability><Disability>VIS</Disability></Disabilities></ChildCharacteristics>`
		if bad != nil {
			if s := bad(i); s != "" {
				chars = s
			}
		}
		if i%3 != 0 {
			fmt.Fprintf(bw, `<Child><ChildIdentifiers><LAchildID>C%d</LAchildID><UPN>%s</UPN><PersonBirthDate>2012-01-20</PersonBirthDate><Sex>M</Sex></ChildIdentifiers>
%s
<CINdetails><CINreferralDate>2025-09-01</CINreferralDate><ReferralSource>2A</ReferralSource><PrimaryNeedCode>N2</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>
<Assessments><AssessmentActualStartDate>2025-09-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2025-10-10</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>4A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
</CINdetails></Child>
`, i, upn, chars)
			continue
		}
		fmt.Fprintf(bw, `<Child><ChildIdentifiers><LAchildID>C%d</LAchildID><UPN>%s</UPN><PersonBirthDate>2015-06-10</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
%s
<CINdetails><CINreferralDate>2025-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>
<Assessments><AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2025-06-10</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors><AssessmentFactors>3A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
<CINPlanDates><CINPlanStartDate>2025-12-01</CINPlanStartDate></CINPlanDates>
<Section47><S47ActualStartDate>2025-06-12</S47ActualStartDate><InitialCPCtarget>2025-07-02</InitialCPCtarget><DateOfInitialCPC>2025-07-01</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
<ChildProtectionPlans><CPPstartDate>2025-07-01</CPPstartDate><CPPendDate>2025-12-01</CPPendDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews><CPPreviewDate>2025-09-25</CPPreviewDate></Reviews></ChildProtectionPlans>
</CINdetails></Child>
`, i, upn, chars)
	}
	bw.WriteString("</Children></Message>\n")
	return bw.Flush()
}
