package main

import "fmt"

func migrateHelp() helpText {
	return helpText{
		usage: "migrate --from FILE --to postgres://...",
		about: `Copies a SQLite store (articles, mentions, incidents, sources, unresolved
names, user and imported gazetteer entries) into a PostgreSQL database with
PostGIS, keeping every id, so links and feature ids stay valid; then checks
that every table's count and a sample of incidents read the same from both.
Stop ingesting into the file first. An interrupted copy resumes where it
stopped when run again; a finished one copies nothing more. The target must
be empty or filled by an earlier copy of the same file.`,
		examples: []string{
			"incidentmap migrate --from /var/lib/incidentmap/store.db --to postgres://incidentmap:secret@db:5432/incidentmap",
		},
	}
}

// migrateSample is how many incidents are compared after a copy.
const migrateSample = 1000

func (a *app) cmdMigrate(_ Config, args []string) error {
	fs := newFlagSet("migrate")
	from := fs.String("from", "", "the SQLite store `file` to copy")
	to := fs.String("to", "", "the PostgreSQL database `URL` to copy into (postgres://user:password@host:port/db)")
	sample := fs.Int("sample", migrateSample, "compare `n` incidents after the copy")
	rest, err := a.parseFlags(fs, args, migrateHelp())
	if err != nil {
		return err
	}
	switch {
	case len(rest) > 0:
		return usageErrorf("unexpected argument %q", rest[0])
	case *from == "":
		return usageErrorf("--from is required: the SQLite store to copy")
	case isDatabaseURL(*from):
		return usageErrorf("--from must be a SQLite file, not a database URL")
	case !isDatabaseURL(*to):
		return usageErrorf("--to must be a postgres:// or postgresql:// URL")
	case *sample < 0:
		return usageErrorf("--sample must not be negative")
	}
	bar := &migrateBar{a: a}
	res, err := a.deps.copyStore(a.ctx, *from, *to, *sample, bar)
	bar.finish()
	if err != nil {
		if res.Copied > 0 {
			return fmt.Errorf("%w (%d rows copied before that; run the same command again to resume)", err, res.Copied)
		}
		return err
	}
	fmt.Fprintf(a.stdout, "migrated %s to %s: %d rows copied, %d already there; counts equal in all %d tables, %d sampled incidents equal\n",
		*from, storeName(*to), res.Copied, res.Skipped, res.Tables, res.Sampled)
	return nil
}

// migrateBar draws the copy's progress in rows, once the total is known.
type migrateBar struct {
	a   *app
	bar *progress
}

func (m *migrateBar) Total(rows int) { m.bar = newProgress(m.a.stderr, m.a.stderrTTY, rows, "rows") }

func (m *migrateBar) Add(rows int) {
	if m.bar != nil {
		m.bar.Add(rows)
	}
}

func (m *migrateBar) finish() {
	if m.bar != nil {
		m.bar.Finish()
	}
}
