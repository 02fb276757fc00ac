// Package cin reads and validates the Department for Education's children in
// need census: the model of a census file (Header, ChildIdentifiers,
// ChildCharacteristics, Disabilities, CINdetails, Assessments and their
// factors, CINplanDates, Section47, ChildProtectionPlans, Reviews and the
// 2025/26 pre-proceedings block), a streaming reader for files written by any
// case-management system from 2023/24 onward, the 2025/26 XML schema
// (schema/CIN_schema_2025-26.xsd) and the year's validation rules, run on the
// generic engine in package returns.
//
// A census file is read one child at a time and validated in batches, so
// memory depends on the batch size and on the few facts kept about every
// child (identifiers, for the duplicate rules), not on the size of the file.
package cin
