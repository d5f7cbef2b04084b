// Package geo is the domain of incidentmap: places, mentions of places in
// text, incidents and the articles they come from. It imports no SQL and no
// HTTP, so the rules of the product can be tested with plain table tests.
package geo
