package main

import (
	"flag"
	"fmt"
	"io"

	"cairn/internal/synth"
)

// longRecordsFlag is --long-records, for synth and demo: two children with
// long records, to try and to measure the pages that grow with a record.
type longRecordsFlag bool

func (l *longRecordsFlag) register(fs *flag.FlagSet) {
	fs.BoolVar((*bool)(l), "long-records", false,
		"also write two children with long records: ten years (about 500 timeline entries) and a 2,000-entry chronology")
}

// report says where the two children are.
func (l longRecordsFlag) report(stdout io.Writer, sum synth.Summary) {
	if sum.LongRecord == 0 {
		return
	}
	fmt.Fprintf(stdout, "Long records: child %d has ten years of record (/people/%d); child %d has a 2,000-entry chronology (/people/%d/chronology).\n",
		sum.LongRecord, sum.LongRecord, sum.LongChronology, sum.LongChronology)
}
