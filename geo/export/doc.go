// Package export writes incidents as GeoJSON, CSV (ACLED column names) and
// newline-delimited JSON. Every writer streams: incidents are written one at
// a time, so an export of millions never holds them all in memory.
package export
