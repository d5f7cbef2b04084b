// Package contract is what incidentmap's two stores share: the types their
// methods take, the checks they make of what callers hand them, and the
// rules by which an incident reported again is merged. The SQLite store
// (data/store) and the PostGIS store (data/postgis) both build on it, so
// the same input is refused, keyed and merged the same way in either.
package contract
