package ssda903

// Code lists of the return. They change between collection years; each list
// here is the one in force for 2025/26 and 2026/27 (the two years cairn has
// catalogues for), taken from the DfE specification as the open-source
// validator encodes it. When a year changes a list, add a per-year list and
// choose it by Dataset.Year rather than editing this one.
var (
	// SEX: from 2024/25 the return records sex as M, F or U (previously 1/2).
	sexCodes = codes("M", "F", "U")

	ethnicCodes = codes("WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH",
		"AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT")

	rneCodes = codes("S", "L", "P", "T", "U", "B")

	lsCodes = codes("C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3")

	cinCodes = codes("N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8")

	// PLACE from 2024/25: H5, P2 and Z1 are gone; K3 (supported
	// accommodation) and Z11–Z14, which divide the old "other placements"
	// Z1, are new.
	placeCodes = codes("A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
		"T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14")

	providerCodes = codes("PR0", "PR1", "PR2", "PR3", "PR4", "PR5")

	// Placements with no provider: temporary placements and the other
	// placements Z11–Z14 (rule 178 allows T4 a provider; rule 213 does not).
	noProviderPlaces = codes("T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14")

	recCodes = codes("X1", "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47",
		"E48", "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17")

	reasonPlaceChangeCodes = codes("CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO",
		"CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER")

	reviewCodes = codes("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")

	missingCodes = codes("M", "A")

	prevPermCodes = codes("P1", "P2", "P3", "P4", "Z1")

	reasonPlacedCeasedCodes = codes("RD1", "RD2", "RD3", "RD4")

	inTouchCodes = codes("YES", "NO", "DIED", "REFU", "NREQ", "RHOM")

	activCodes = codes("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0")

	accomCodes = codes("B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2",
		"K1", "K2", "R1", "R2", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2",
		"Z1", "Z2", "0")

	sexAdoptrCodes = codes("M1", "F1", "MM", "FF", "MF")

	lsAdoptrCodes = codes("L0", "L11", "L12", "L2", "L3", "L4")

	sdqReasonCodes = codes("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5")

	swReasonCodes = codes("MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN",
		"PCCHAN", "SWDIED", "OTHERS")

	zeroOne = codes("0", "1")

	// upnUnknown are the codes for a UPN not known.
	upnUnknown = codes("UN1", "UN2", "UN3", "UN4", "UN5")
)
