package postgis

import (
	"context"
	"fmt"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
)

// insertArticleWithNamesSQL inserts an article and, only if it is new,
// its mentions and the names it could not place, in one statement: one
// round trip where a batch of articles spent two. The names come as
// arrays, one element each, and keep their order.
const insertArticleWithNamesSQL = `WITH a AS (
	INSERT INTO articles (title, url, published, text, content_hash)
	VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id),
m AS (
	INSERT INTO mentions (article_id, span_start, span_end, text, name, place_id, geonameid,
		feature_code, country, admin1, admin1_name, admin2, lat, lon, precision, confidence)
	SELECT a.id, x.span_start, x.span_end, x.text, x.name, x.place_id, x.geonameid, x.feature_code,
		x.country, x.admin1, x.admin1_name, x.admin2, x.lat, x.lon, x.precision, x.confidence
	FROM a, unnest($6::int[], $7::int[], $8::text[], $9::text[], $10::bigint[], $11::bigint[],
		$12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::float8[], $18::float8[],
		$19::int[], $20::float8[]) WITH ORDINALITY AS x(span_start, span_end, text, name, place_id,
		geonameid, feature_code, country, admin1, admin1_name, admin2, lat, lon, precision, confidence, n)
	ORDER BY x.n),
u AS (
	INSERT INTO unresolved_names (article_id, span_start, span_end, text, name_key, region_name,
		region_geonameid, region_code, region_country, region_admin1, region_admin1_name, region_lat,
		region_lon)
	SELECT a.id, y.span_start, y.span_end, y.text, y.name_key, y.region_name, y.region_geonameid,
		y.region_code, y.region_country, y.region_admin1, y.region_admin1_name, y.region_lat, y.region_lon
	FROM a, unnest($21::int[], $22::int[], $23::text[], $24::text[], $25::text[], $26::bigint[],
		$27::text[], $28::text[], $29::text[], $30::text[], $31::float8[], $32::float8[])
		WITH ORDINALITY AS y(span_start, span_end, text, name_key, region_name, region_geonameid,
		region_code, region_country, region_admin1, region_admin1_name, region_lat, region_lon, n)
	ORDER BY y.n)
SELECT id FROM a`

// namesArgs are the mentions and unresolved names of it as the arrays
// insertArticleWithNamesSQL takes, after checking them against the text;
// ok is false when one fails its check (the caller then stores the names
// the slow way, which reports the error once the article is known new).
func namesArgs(it contract.IngestItem) (args []any, ok bool) {
	text := it.Article.Text
	n := len(it.Mentions)
	starts, ends, precisions := make([]int, n), make([]int, n), make([]int, n)
	places, geonameids := make([]int64, n), make([]int64, n)
	texts, names, codes, countries := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	admin1s, admin1Names, admin2s := make([]string, n), make([]string, n), make([]string, n)
	lats, lons, confidences := make([]float64, n), make([]float64, n), make([]float64, n)
	for i, m := range it.Mentions {
		if contract.ValidateMention(m, text, fmt.Sprintf("mentions[%d]", i)) != nil {
			return nil, false
		}
		starts[i], ends[i], texts[i], names[i], places[i], geonameids[i] = m.Start, m.End, m.Text, m.Name, m.PlaceID, m.GeonameID
		codes[i], countries[i], admin1s[i], admin1Names[i], admin2s[i] = m.FeatureCode, m.Country, m.Admin1, m.Admin1Name, m.Admin2
		lats[i], lons[i], precisions[i], confidences[i] = m.Lat, m.Lon, m.Precision, m.Confidence
	}
	var uStarts, uEnds []int
	var uTexts, keys, rNames, rCodes, rCountries, rAdmin1s, rAdmin1Names []string
	var rGeonameids []int64
	var rLats, rLons []*float64
	for i, u := range it.Unresolved {
		if contract.CheckUnresolved(u, text, fmt.Sprintf("unresolved[%d]", i)) != nil {
			return nil, false
		}
		key := contract.NameKey(u.Text)
		if key == "" {
			continue
		}
		var r geo.RegionRef
		var lat, lon *float64
		if u.Region != nil {
			r = *u.Region
			lat, lon = &r.Lat, &r.Lon
		}
		uStarts, uEnds, uTexts, keys = append(uStarts, u.Start), append(uEnds, u.End), append(uTexts, u.Text), append(keys, key)
		rNames, rGeonameids, rCodes = append(rNames, r.Name), append(rGeonameids, r.GeonameID), append(rCodes, r.FeatureCode)
		rCountries, rAdmin1s, rAdmin1Names = append(rCountries, r.Country), append(rAdmin1s, r.Admin1), append(rAdmin1Names, r.Admin1Name)
		rLats, rLons = append(rLats, lat), append(rLons, lon)
	}
	return []any{starts, ends, texts, names, places, geonameids, codes, countries, admin1s, admin1Names,
		admin2s, lats, lons, precisions, confidences,
		nonNil(uStarts), nonNil(uEnds), nonNil(uTexts), nonNil(keys), nonNil(rNames), nonNil(rGeonameids),
		nonNil(rCodes), nonNil(rCountries), nonNil(rAdmin1s), nonNil(rAdmin1Names), nonNil(rLats), nonNil(rLons)}, true
}

// nonNil is s, or an empty slice for nil: pgx sends a nil slice as NULL.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// insertArticleWithNames is insertArticle storing the article's names in
// the same statement when it is new, and, in the same round trip, locking
// the merge key of each of merging and reading its merge target (see
// queueMergeTarget): targets holds them, in order, when the article is
// new. Three round trips an article of two incidents instead of five.
func insertArticleWithNames(ctx context.Context, tx pgx.Tx, a geo.Article, hash string, names []any, merging []geo.Incident, before []string) (id int64, inserted bool, targets []mergeTarget, err error) {
	b := &pgx.Batch{}
	for _, q := range before {
		b.Queue(q)
	}
	b.Queue(insertArticleWithNamesSQL, append([]any{a.Title, a.URL, nullTime(a.Published), a.Text, hash}, names...)...)
	for _, inc := range merging {
		queueMergeTarget(b, inc)
	}
	br := tx.SendBatch(ctx, b)
	defer br.Close()
	for range before {
		if _, err := br.Exec(); err != nil {
			return 0, false, nil, &txError{fmt.Errorf("postgis: savepoint: %w", err)}
		}
	}
	err = br.QueryRow().Scan(&id)
	if notFound(err) {
		return 0, false, nil, nil
	}
	if err != nil {
		return 0, false, nil, fmt.Errorf("postgis: insert article: %w", err)
	}
	targets = make([]mergeTarget, len(merging))
	for i := range merging {
		targets[i] = readMergeTarget(br)
	}
	return id, true, targets, nil
}
