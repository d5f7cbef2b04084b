package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/incidentmap/incidentmap/geo"
	gaz "github.com/incidentmap/incidentmap/geo/gazetteer"
)

func gazetteerUnresolvedHelp() helpText {
	return helpText{
		usage: "gazetteer unresolved [flags]",
		about: `Lists the names the pipeline took for places but could not find in the
gazetteer, one per name and region, most often seen first: the name, how
often it was seen, the region it fell back to and the articles it is in.
Adding one with "gazetteer add" (or on the map page) re-resolves those
articles. With --json, {"names": [...], "numberMatched": N}.`,
		examples: []string{
			"incidentmap gazetteer unresolved",
			"incidentmap gazetteer unresolved --json --limit 20",
		},
	}
}

func (a *app) cmdGazetteerUnresolved(cfg Config, args []string) error {
	fs := newFlagSet("gazetteer unresolved")
	registerConfigFlags(fs, &cfg, flagsDB)
	jsonOut := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 0, "at most `n` names (0: all)")
	offset := fs.Int("offset", 0, "skip the first `n` names")
	rest, err := a.parseFlags(fs, args, gazetteerUnresolvedHelp())
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErrorf("unexpected argument %q", rest[0])
	}
	if *limit < 0 || *offset < 0 {
		return usageErrorf("--limit and --offset must not be negative")
	}
	st, err := a.deps.openStore(cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	us, ok := st.(unresolvedStore)
	if !ok {
		return errors.New("this store keeps no unresolved names")
	}
	names, total, err := us.UnresolvedNames(a.ctx, *limit, *offset)
	if err != nil {
		return err
	}
	if *jsonOut {
		return writeJSON(a.stdout, struct {
			Names         []geo.UnresolvedName `json:"names"`
			NumberMatched int                  `json:"numberMatched"`
		}{names, total}, false)
	}
	if total == 0 {
		fmt.Fprintln(a.stderr, "no unresolved names: every name the articles mark as a place was found")
		return nil
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSEEN\tREGION\tARTICLES")
	for _, n := range names {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", oneLine(n.Name), n.Count, regionText(n.Region), idsText(n.Articles))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(names) < total {
		fmt.Fprintf(a.stderr, "%d of %d names shown (--limit, --offset)\n", len(names), total)
	}
	return nil
}

// regionText is "Donetsk, UA (48.0475,37.8860)", or "-" without a region.
func regionText(r *geo.RegionRef) string {
	if r == nil {
		return "-"
	}
	name := r.Name
	if r.Admin1Name != "" && r.Admin1Name != r.Name {
		name += ", " + r.Admin1Name
	}
	if r.Country != "" {
		name += ", " + r.Country
	}
	return fmt.Sprintf("%s (%.4f,%.4f)", oneLine(name), r.Lat, r.Lon)
}

func idsText(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprint(id)
	}
	return strings.Join(parts, ",")
}

// reresolveAdded runs the pipeline again on the stored articles that named
// one of the added places without placing it. It loads the gazetteer only
// when there is such an article.
func (a *app) reresolveAdded(cfg Config, st store, added []geo.Place) error {
	us, ok := st.(unresolvedStore)
	if !ok {
		return nil
	}
	var names []string
	for _, p := range added {
		names = append(names, placeNames(p)...)
	}
	ids, err := us.ArticlesNaming(a.ctx, names)
	if err != nil || len(ids) == 0 {
		return err
	}
	_, pl, err := a.openPipeline(a.ctx, st, false)
	if err != nil {
		return err
	}
	res, err := us.Reresolve(a.ctx, pl, names, !cfg.NoMerge)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "re-resolved %d articles that named it: %d incidents\n", res.Articles, res.Incidents)
	return nil
}

// reresolveUnresolved runs the pipeline again on every stored article with
// a name it could not place, after an import that may have brought those
// names in. Articles whose names are still missing come out as they were.
func (a *app) reresolveUnresolved(cfg Config, st store) error {
	us, ok := st.(unresolvedStore)
	if !ok {
		return nil
	}
	names, total, err := us.UnresolvedNames(a.ctx, 0, 0)
	if err != nil || total == 0 {
		return err
	}
	list := make([]string, len(names))
	for i, n := range names {
		list[i] = n.Name
	}
	_, pl, err := a.openPipeline(a.ctx, st, false)
	if err != nil {
		return err
	}
	res, err := us.Reresolve(a.ctx, pl, list, !cfg.NoMerge)
	if err != nil {
		return err
	}
	_, left, err := us.UnresolvedNames(a.ctx, 1, 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "re-resolved %d articles with unresolved names: %d of %d names placed\n", res.Articles, max(total-left, 0), total)
	return nil
}

func gazetteerStatsHelp() helpText {
	return helpText{
		usage: "gazetteer stats [flags]",
		about: `Reports the gazetteer's coverage: entries per country and GeoNames feature
class (A: countries and divisions, P: populated places, other classes as
imported), over the bundled data, imported GeoNames rows and your entries.
With --country, only those countries; with --json, an array of
{"country", "feature_class", "count"}.`,
		examples: []string{
			"incidentmap gazetteer stats",
			"incidentmap gazetteer stats --country UA,SD",
		},
	}
}

// coverer is a gazetteer that can count its entries.
type coverer interface{ Coverage() []gaz.ClassCount }

func (g bundledGazetteer) Coverage() []gaz.ClassCount { return g.ix.Coverage() }

func (a *app) cmdGazetteerStats(cfg Config, args []string) error {
	fs := newFlagSet("gazetteer stats")
	registerConfigFlags(fs, &cfg, flagsDB)
	jsonOut := fs.Bool("json", false, "print a JSON array")
	var countries listFlag
	fs.Var(&countries, "country", "ISO 3166-1 alpha-2 `codes` (comma-separated or repeated)")
	rest, err := a.parseFlags(fs, args, gazetteerStatsHelp())
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErrorf("unexpected argument %q", rest[0])
	}
	gz, err := a.readGazetteer(cfg.DB, false)
	if err != nil {
		return err
	}
	cv, ok := gz.(coverer)
	if !ok {
		return errors.New("this gazetteer cannot report its coverage")
	}
	counts := filterCountries(cv.Coverage(), countries)
	if *jsonOut {
		if counts == nil {
			counts = []gaz.ClassCount{}
		}
		return writeJSON(a.stdout, counts, false)
	}
	return writeCoverage(a, counts)
}

func filterCountries(counts []gaz.ClassCount, countries []string) []gaz.ClassCount {
	if len(countries) == 0 {
		return counts
	}
	want := map[string]bool{}
	for _, c := range countries {
		want[strings.ToUpper(strings.TrimSpace(c))] = true
	}
	var out []gaz.ClassCount
	for _, c := range counts {
		if want[c.Country] {
			out = append(out, c)
		}
	}
	return out
}

// writeCoverage prints one line per country: its total, then its A and P
// entries, then any other classes.
func writeCoverage(a *app, counts []gaz.ClassCount) error {
	type row struct {
		total   int
		byClass map[string]int
	}
	rows := map[string]*row{}
	var order []string
	sum := map[string]int{}
	for _, c := range counts {
		r := rows[c.Country]
		if r == nil {
			r = &row{byClass: map[string]int{}}
			rows[c.Country] = r
			order = append(order, c.Country)
		}
		r.total += c.Count
		r.byClass[c.Class] += c.Count
		sum[c.Class] += c.Count
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "COUNTRY\tTOTAL\tA\tP\tOTHER\t")
	line := func(name string, byClass map[string]int, total int) {
		other := []string{}
		for class, n := range byClass {
			if class != "A" && class != "P" {
				other = append(other, fmt.Sprintf("%s %d", class, n))
			}
		}
		sort.Strings(other)
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t\n", name, total, byClass["A"], byClass["P"], strings.Join(other, " "))
	}
	grand := 0
	for _, cc := range order {
		name := cc
		if name == "" {
			name = "(none)"
		}
		line(name, rows[cc].byClass, rows[cc].total)
		grand += rows[cc].total
	}
	if len(order) > 1 {
		line("all", sum, grand)
	}
	return tw.Flush()
}
