package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// attachSources turns rows into incidents whose Sources are the distinct
// articles that reported them, oldest publication first. Articles are
// shared by many incidents, so each is read once, in one statement for
// the whole page.
func attachSources(ctx context.Context, q queryer, rows []incidentRow) ([]geo.Incident, error) {
	ids := map[int64]bool{}
	for _, r := range rows {
		for s := range strings.SplitSeq(r.articles, ",") {
			if s == "" {
				continue
			}
			id, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return nil, fmt.Errorf("store: incident %d: bad source %q", r.inc.ID, s)
			}
			ids[id] = true
		}
	}
	articles, err := articleSources(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	out := make([]geo.Incident, len(rows))
	for i, r := range rows {
		inc := r.inc
		inc.Sources = []geo.Source{}
		for s := range strings.SplitSeq(r.articles, ",") {
			id, _ := strconv.ParseInt(s, 10, 64) // checked above
			if src, ok := articles[id]; ok {
				inc.Sources = append(inc.Sources, src)
			}
		}
		contract.SortSources(&inc)
		out[i] = inc
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
		var src geo.Source
		var published string
		if err := rows.Scan(&src.ArticleID, &src.Title, &src.URL, &published); err != nil {
			return nil, fmt.Errorf("store: scan source: %w", err)
		}
		if src.Published, err = parseTimeText(published); err != nil {
			return nil, err
		}
		out[src.ArticleID] = src
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: query sources: %w", err)
	}
	return out, nil
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
