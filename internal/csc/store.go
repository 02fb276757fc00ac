package csc

import (
	"context"
	"time"
)

// Store is the record's storage, reached by the service layer only. Read runs
// fn in a read-only transaction; Write runs it in a read-write transaction
// that commits only if fn returns nil, so nothing partial is ever saved.
type Store interface {
	Read(ctx context.Context, fn func(Tx) error) error
	Write(ctx context.Context, fn func(Tx) error) error
	// Glance runs fn as reads that need not all see one moment, more
	// cheaply than Read on a server database; it may not write.
	Glance(ctx context.Context, fn func(Tx) error) error
	// Tidy is called after a sweep has rewritten every row of the tables
	// named, outside any transaction.
	Tidy(ctx context.Context, tables ...string) error
	Close() error
}

// Tx is one transaction on the store. Find methods return a NotFound error
// when the record does not exist. Update methods take the version the user
// read and return a Conflict error when the record has changed since; on
// success they advance the version held in the value passed in.
type Tx interface {
	// Now is the transaction's clock: every timestamp written in the
	// transaction uses it, so a test can fix time.
	Now() time.Time
	// Together runs fns, each reading through the transaction, and returns
	// the error of the first (in the order given) that failed; every one
	// runs. In a PostgreSQL read transaction they run at once, and the
	// statements they wait on at the same moment go to the server in one
	// round trip; elsewhere they run one after another. They must share
	// nothing but the transaction.
	Together(fns ...func() error) error
	// Gathers reports whether Together sends the statements of fns in one
	// round trip, so that a read which may turn out not to be needed is
	// cheaper asked for with the others than after them.
	Gathers() bool

	PersonTx
	ContactTx
	OrgTx
	RecordTx
	ClockTx
	AssessmentTx
	ProtectionTx
	CaseworkTx
	CensusTx
	AnnexATx
	ImprovementTx
	BoardTx
}

// ClockTx stores computed clocks, explanations of missed clocks and local
// settings.
type ClockTx interface {
	// ClockFacts loads the facts of the children with ids in [from, to]
	// (only children and unborn children), in id order.
	ClockFacts(from, to int64) ([]ChildFacts, error)
	// LockChildren holds the records of the people with ids from..to until
	// the transaction ends, so that two writes recomputing one child's
	// clocks take turns: each reads the facts the other committed.
	LockChildren(from, to int64) error
	// MaxPersonID is the highest person id, for walking every child in ranges.
	MaxPersonID() (int64, error)
	// ReplaceClocks replaces the stored clocks of the given children.
	ReplaceClocks(childIDs []int64, clocks []ClockRecord) error
	FindClocks(q ClockQuery) ([]ClockRecord, error)
	// CountClocks counts the clocks q matches; q.Limit is ignored.
	CountClocks(q ClockQuery) (int, error)
	FindClockByID(id int64) (*ClockRecord, error)
	// SaveExplanation creates an explanation (Version 0) or updates one if
	// its version is current.
	SaveExplanation(e *ClockExplanation) error
	ListLocalSettings() ([]LocalSetting, error)
	CreateLocalSetting(s *LocalSetting) error
}

// PersonTx stores people, relationships and restricted-record access lists.
type PersonTx interface {
	CreatePerson(p *Person) error
	UpdatePerson(p *Person) error
	FindPersonByID(id int64) (*Person, error)
	// FindPeople returns the candidates for a people search, unranked:
	// those matching every word of the name by spelling, and then, unless
	// q.Limit unrestricted people matched by spelling, those matching by
	// sound. Only the fields a search ranks and filters on are filled in:
	// ID, Kind, names, DateOfBirth, NHSNumber, Postcode and Restricted;
	// read the people shown with FindPeopleByIDs.
	FindPeople(q PersonQuery) ([]Person, error)
	FindPeopleByIDs(ids []int64) ([]Person, error)
	// FindPeopleBrief returns the people with the given ids with the same
	// few fields as FindPeople: enough to decide scope over a list.
	FindPeopleBrief(ids []int64) ([]Person, error)
	CreateRelationship(r *Relationship) error
	ListRelationships(personID int64) ([]Relationship, error)
	GrantAccess(personID, staffID int64) error
	RevokeAccess(personID, staffID int64) error
	HasAccess(personID, staffID int64) (bool, error)
	ListAccess(personID int64) ([]Staff, error)
}

// ContactTx stores contacts, screening, partner checks, oversight and referrals.
type ContactTx interface {
	CreateContact(c *Contact) error
	UpdateContact(c *Contact) error
	FindContactByID(id int64) (*Contact, error)
	FindContacts(q ContactQuery) ([]Contact, int, error)
	CreatePartnerCheck(pc *PartnerCheck) error
	UpdatePartnerCheck(pc *PartnerCheck) error
	CreateOversight(o *Oversight) error
	ListOversightForChild(childID int64) ([]Oversight, error)
	CreateReferral(r *Referral) error
	ListReferrals(childID int64) ([]Referral, error)
}

// OrgTx stores districts, teams, staff, sign-in sessions, API tokens and
// allocations.
type OrgTx interface {
	CreateDistrict(d *District) error
	ListDistricts() ([]District, error)
	CreateTeam(t *Team) error
	UpdateTeam(t *Team) error
	FindTeamByID(id int64) (*Team, error)
	ListTeams() ([]Team, error)
	CreateStaff(s *Staff, passwordHash string) error
	UpdateStaff(s *Staff) error
	SetPassword(staffID int64, passwordHash string) error
	FindStaffByID(id int64) (*Staff, error)
	FindStaffByUsername(username string) (*Staff, string, error)
	ListStaff(teamID int64) ([]Staff, error)
	RecordSignIn(staffID int64) error
	CreateSession(tokenHash string, staffID int64, expires time.Time) error
	FindSession(tokenHash string) (*Staff, time.Time, error)
	DeleteSession(tokenHash string) error
	CreateToken(tokenHash string, staffID int64, name string, expires time.Time) error
	FindToken(tokenHash string) (*Staff, error)
	CreateAllocation(a *Allocation) error
	EndAllocation(childID int64, at time.Time) error
	CurrentAllocation(childID int64) (*Allocation, error)
	// CurrentAllocations returns the open allocations of many children at
	// once, by child id; unallocated children are absent.
	CurrentAllocations(childIDs []int64) (map[int64]*Allocation, error)
	// CurrentAllocationsBetween does the same for the children with ids
	// in [fromID, toID].
	CurrentAllocationsBetween(fromID, toID int64) (map[int64]*Allocation, error)
}

// RecordTx stores documents, the timeline and the audit trail.
type RecordTx interface {
	CreateDocument(d *Document) error
	FindDocumentByID(id int64) (*Document, error)
	ListDocuments(childID int64) ([]Document, error)
	CreateEvent(e *Event) error
	ListEvents(childID int64, limit int) ([]Event, error)
	CreateAudit(entries ...AuditEntry) error
	FindAudit(q AuditQuery) ([]AuditEntry, int, error)
}
