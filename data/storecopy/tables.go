package storecopy

// kind is how a source column's SQLite value becomes the target's.
type kind int

const (
	kInt       kind = iota // INTEGER → integer, bigint
	kNullInt               // INTEGER or NULL
	kFloat                 // REAL → double precision
	kNullFloat             // REAL or NULL
	kText                  // TEXT → text
	kDate                  // YYYY-MM-DD text → date
	kTime                  // RFC 3339 text → timestamptz; "" → NULL
	kJSONList              // a JSON array of strings → text[]
	kTabList               // tab-joined strings, "" for none → text[]
	kIDList                // comma-joined integers, "" for none → bigint[], sorted and distinct
)

// column is one column, named the same in both stores.
type column struct {
	name string
	kind kind
}

// table is one table to copy, ranged over its integer key column, span
// keys per transaction.
type table struct {
	name string
	key  string
	span int64
	cols []column
}

// tables lists what a copy moves, in an order that satisfies the foreign
// keys: articles before what refers to them, incidents before sources.
func tables() []table {
	place := []column{{"geonameid", kInt}, {"name", kText}, {"asciiname", kText}}
	placeRest := []column{{"feature_class", kText}, {"feature_code", kText}, {"country", kText},
		{"country_name", kText}, {"admin1", kText}, {"admin1_name", kText}, {"admin2", kText},
		{"admin2_name", kText}, {"lat", kFloat}, {"lon", kFloat}, {"population", kInt}, {"source", kText}}
	return []table{
		{"articles", "id", 2_000, []column{{"id", kInt}, {"title", kText}, {"url", kText}, {"published", kTime},
			{"text", kText}, {"content_hash", kText}, {"ingested_at", kTime}}},
		{"mentions", "id", 50_000, []column{{"id", kInt}, {"article_id", kInt}, {"span_start", kInt},
			{"span_end", kInt}, {"text", kText}, {"name", kText}, {"place_id", kInt}, {"geonameid", kInt},
			{"feature_code", kText}, {"country", kText}, {"admin1", kText}, {"admin1_name", kText},
			{"admin2", kText}, {"lat", kFloat}, {"lon", kFloat}, {"precision", kInt}, {"confidence", kFloat}}},
		{"incidents", "id", 50_000, []column{{"id", kInt}, {"event_type", kText}, {"sub_event_type", kText},
			{"event_date", kDate}, {"time_precision", kInt}, {"location", kText}, {"geonameid", kInt},
			{"feature_code", kText}, {"country", kText}, {"admin1", kText}, {"admin1_name", kText},
			{"admin2", kText}, {"lat", kFloat}, {"lon", kFloat}, {"geo_precision", kInt},
			{"count", kNullInt}, {"count_unit", kText}, {"fatalities", kNullInt}, {"injured", kNullInt},
			{"actor1", kText}, {"actor2", kText}, {"quote", kText}, {"quote_start", kInt},
			{"quote_end", kInt}, {"place_key", kText}, {"search_text", kText}, {"created_at", kTime},
			{"fatalities_claimed_by", kText}, {"source_ids", kIDList}}},
		{"incident_sources", "incident_id", 50_000, []column{{"incident_id", kInt}, {"article_id", kInt},
			{"quote", kText}, {"quote_start", kInt}, {"quote_end", kInt}, {"count", kNullInt},
			{"fatalities", kNullInt}, {"injured", kNullInt}}},
		{"unresolved_names", "id", 50_000, []column{{"id", kInt}, {"article_id", kInt}, {"span_start", kInt},
			{"span_end", kInt}, {"text", kText}, {"name_key", kText}, {"region_name", kText},
			{"region_geonameid", kInt}, {"region_code", kText}, {"region_country", kText},
			{"region_admin1", kText}, {"region_admin1_name", kText}, {"region_lat", kNullFloat},
			{"region_lon", kNullFloat}}},
		{"user_places", "id", 50_000, append(append(append([]column{{"id", kInt}}, place...),
			column{"alternate_names", kJSONList}), append(placeRest, column{"created_at", kTime},
			column{"updated_at", kTime})...)},
		{"imported_places", "geonameid", 50_000, append(append(place, column{"alternate_names", kTabList}), placeRest...)},
	}
}

// identities are the target tables whose id sequence must pass the
// copied ids, so the next row inserted there gets a new id.
var identities = []string{"articles", "mentions", "incidents", "unresolved_names", "user_places"}
