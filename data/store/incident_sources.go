package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// attachSources turns rows into incidents whose Sources are the distinct
// articles that reported them, oldest publication first. The rows carry
// their article ids; each article is read once, in one statement:
// articles are shared by many incidents.
func attachSources(ctx context.Context, q queryer, rows []incidentRow) ([]geo.Incident, error) {
	return attachSourcesWith(ctx, q, rows, articleSources)
}

// articleReader reads the articles with the given ids as Sources.
type articleReader func(ctx context.Context, q queryer, ids map[int64]bool) (map[int64]geo.Source, error)

// attachSourcesWith is attachSources reading articles with read.
func attachSourcesWith(ctx context.Context, q queryer, rows []incidentRow, read articleReader) ([]geo.Incident, error) {
	distinct := map[int64]bool{}
	for _, r := range rows {
		for _, a := range r.articles {
			distinct[a] = true
		}
	}
	articles, err := read(ctx, q, distinct)
	if err != nil {
		return nil, err
	}
	out := make([]geo.Incident, len(rows))
	for i, r := range rows {
		out[i] = contract.WithSources(r.inc, r.articles, articles)
	}
	return out, nil
}

// articleSources reads the articles with the given ids as Sources.
// articleSourcesSQL reads the articles of a JSON list of ids as sources.
const articleSourcesSQL = `SELECT a.id, a.title, a.url, a.published
	FROM json_each(?) j JOIN articles a ON a.id = j.value`

func articleSources(ctx context.Context, q queryer, ids map[int64]bool) (map[int64]geo.Source, error) {
	out := make(map[int64]geo.Source, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	list := make([]int64, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	rows, err := q.QueryContext(ctx, articleSourcesSQL, idList(list))
	if err != nil {
		return nil, fmt.Errorf("store: query sources: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		src, err := scanSource(rows)
		if err != nil {
			return nil, err
		}
		out[src.ArticleID] = src
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: query sources: %w", err)
	}
	return out, nil
}

// scanSource reads one row of id, title, url and published.
func scanSource(rows *sql.Rows) (geo.Source, error) {
	var src geo.Source
	var published string
	if err := rows.Scan(&src.ArticleID, &src.Title, &src.URL, &published); err != nil {
		return geo.Source{}, fmt.Errorf("store: scan source: %w", err)
	}
	var err error
	if src.Published, err = parseTimeText(published); err != nil {
		return geo.Source{}, err
	}
	return src, nil
}

// idList is ids as a JSON array: a list of any length is then one bound
// parameter, read back with json_each.
func idList(ids []int64) string {
	b := make([]byte, 0, 8*len(ids)+2)
	b = append(b, '[')
	for i, id := range ids {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(append(b, ']'))
}
