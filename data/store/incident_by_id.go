package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/incidentmap/incidentmap/data/contract"
	"github.com/incidentmap/incidentmap/geo"
)

// incidentByIDSQL reads one incident and its articles, one row per
// article (one row of nulls for none): one statement, so one snapshot
// without a transaction, and no JSON id list as a page needs.
const incidentByIDSQL = "SELECT " + packedColumns + `, a.id, a.title, a.url, a.published
	FROM incidents i LEFT JOIN incident_sources s ON s.incident_id = i.id
	LEFT JOIN articles a ON a.id = s.article_id WHERE i.id = ?`

// Incident returns one incident with its sources, or a geo.ENotFound error.
func (s *Store) Incident(ctx context.Context, id int64) (geo.Incident, error) {
	q := s.reader()
	rows, err := q.QueryContext(ctx, incidentByIDSQL, id)
	if err != nil {
		return geo.Incident{}, fmt.Errorf("store: read incident %d: %w", id, err)
	}
	defer rows.Close()
	var r incidentRow
	var packed string
	found, plain := false, false
	r.inc.Sources = []geo.Source{}
	for rows.Next() {
		var aid sql.NullInt64
		var title, url, published sql.NullString
		if err := rows.Scan(&r.inc.ID, &r.inc.Lat, &r.inc.Lon, &packed, &aid, &title, &url, &published); err != nil {
			return geo.Incident{}, fmt.Errorf("store: scan incident %d: %w", id, err)
		}
		if !found {
			found = true
			if fields := strings.Split(packed, fieldSep); len(fields) != packedFields {
				plain = true
			} else if err := r.setFields(fields); err != nil {
				return geo.Incident{}, err
			}
		}
		if aid.Valid {
			src := geo.Source{ArticleID: aid.Int64, Title: title.String, URL: url.String}
			if src.Published, err = parseTimeText(published.String); err != nil {
				return geo.Incident{}, err
			}
			r.inc.Sources = append(r.inc.Sources, src)
		}
	}
	if err := rows.Err(); err != nil {
		return geo.Incident{}, fmt.Errorf("store: read incident %d: %w", id, err)
	}
	if !found {
		return geo.Incident{}, geo.Errorf(geo.ENotFound, "incident %d not found", id)
	}
	if plain {
		return s.plainIncident(ctx, id)
	}
	contract.SortSources(&r.inc)
	return r.inc, nil
}

// plainIncident reads an incident whose text held fieldSep column by
// column, and its sources, in one snapshot.
func (s *Store) plainIncident(ctx context.Context, id int64) (geo.Incident, error) {
	tx, err := s.readTx(ctx)
	if err != nil {
		return geo.Incident{}, err
	}
	defer tx.Rollback()
	r, err := readPlain(ctx, tx, id)
	if err != nil {
		return geo.Incident{}, err
	}
	incs, err := attachSources(ctx, tx, []incidentRow{r})
	if err != nil {
		return geo.Incident{}, err
	}
	return incs[0], nil
}
