package postgis

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/jackc/pgx/v5"
)

// namesCTEs are the inserts of an article's mentions and of the names it
// could not place, as the parts m and u of a WITH that names the article's
// id in a part a: one statement for all of them, the names coming as
// arrays (one element a name, kept in order) numbered from $first, in the
// order namesArgs gives them.
func namesCTEs(first int) string {
	mentions := arrayParams(first, "int", "int", "text", "text", "bigint", "bigint", "text", "text", "text",
		"text", "text", "float8", "float8", "int", "float8")
	unresolved := arrayParams(first+15, "int", "int", "text", "text", "text", "bigint", "text", "text", "text",
		"text", "float8", "float8")
	return `m AS (
	INSERT INTO mentions (article_id, span_start, span_end, text, name, place_id, geonameid,
		feature_code, country, admin1, admin1_name, admin2, lat, lon, precision, confidence)
	SELECT a.id, x.span_start, x.span_end, x.text, x.name, x.place_id, x.geonameid, x.feature_code,
		x.country, x.admin1, x.admin1_name, x.admin2, x.lat, x.lon, x.precision, x.confidence
	FROM a, unnest(` + mentions + `) WITH ORDINALITY AS x(span_start, span_end, text, name, place_id,
		geonameid, feature_code, country, admin1, admin1_name, admin2, lat, lon, precision, confidence, n)
	ORDER BY x.n),
u AS (
	INSERT INTO unresolved_names (article_id, span_start, span_end, text, name_key, region_name,
		region_geonameid, region_code, region_country, region_admin1, region_admin1_name, region_lat,
		region_lon)
	SELECT a.id, y.span_start, y.span_end, y.text, y.name_key, y.region_name, y.region_geonameid,
		y.region_code, y.region_country, y.region_admin1, y.region_admin1_name, y.region_lat, y.region_lon
	FROM a, unnest(` + unresolved + `) WITH ORDINALITY AS y(span_start, span_end, text, name_key,
		region_name, region_geonameid, region_code, region_country, region_admin1, region_admin1_name,
		region_lat, region_lon, n)
	ORDER BY y.n)`
}

// arrayParams lists parameters $first, $first+1, ... cast to arrays of
// the given element types.
func arrayParams(first int, types ...string) string {
	out := make([]string, len(types))
	for i, t := range types {
		out[i] = "$" + strconv.Itoa(first+i) + "::" + t + "[]"
	}
	return strings.Join(out, ", ")
}

// insertArticleWithNamesSQL inserts an article and, only if it is new,
// its names: one round trip where a batch of articles spent two.
var insertArticleWithNamesSQL = `WITH a AS (
	INSERT INTO articles (title, url, published, text, content_hash)
	VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id), ` + namesCTEs(6) + `
SELECT id FROM a`

// insertNamesSQL inserts the names of the stored article $1.
var insertNamesSQL = `WITH a AS (SELECT $1::bigint AS id), ` + namesCTEs(2) + `
SELECT count(*) FROM a`

// namesArgs checks the mentions of it and the names it could not place
// against its text and returns them as the arrays namesCTEs takes.
func namesArgs(it contract.IngestItem) ([]any, error) {
	text := it.Article.Text
	n := len(it.Mentions)
	starts, ends, precisions := make([]int, n), make([]int, n), make([]int, n)
	places, geonameids := make([]int64, n), make([]int64, n)
	texts, names, codes, countries := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	admin1s, admin1Names, admin2s := make([]string, n), make([]string, n), make([]string, n)
	lats, lons, confidences := make([]float64, n), make([]float64, n), make([]float64, n)
	for i, m := range it.Mentions {
		if err := contract.ValidateMention(m, text, fmt.Sprintf("mentions[%d]", i)); err != nil {
			return nil, err
		}
		starts[i], ends[i], texts[i], names[i], places[i], geonameids[i] = m.Start, m.End, m.Text, m.Name, m.PlaceID, m.GeonameID
		codes[i], countries[i], admin1s[i], admin1Names[i], admin2s[i] = m.FeatureCode, m.Country, m.Admin1, m.Admin1Name, m.Admin2
		lats[i], lons[i], precisions[i], confidences[i] = m.Lat, m.Lon, m.Precision, m.Confidence
	}
	uStarts, uEnds, uTexts, keys, rNames, rCodes := []int{}, []int{}, []string{}, []string{}, []string{}, []string{}
	rCountries, rAdmin1s, rAdmin1Names, rGeonameids := []string{}, []string{}, []string{}, []int64{}
	rLats, rLons := []*float64{}, []*float64{}
	for i, u := range it.Unresolved {
		if err := contract.CheckUnresolved(u, text, fmt.Sprintf("unresolved[%d]", i)); err != nil {
			return nil, err
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
		uStarts, uEnds, uTexts, keys, rNames, rGeonameids, rCodes, rCountries, rAdmin1s, rAdmin1Names, rLats, rLons}, nil
}

// insertArticleWithNames is insertArticle storing the article's names in
// the same statement when it is new, and, in the same round trip, locking
// the merge key of each of merging and reading its merge target (see
// queueMergeTarget): targets holds them, in order, when the article is
// new. Three round trips an article of two incidents instead of six.
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
