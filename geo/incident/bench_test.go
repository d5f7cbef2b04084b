package incident

import (
	"strings"
	"testing"
	"time"

	"github.com/incidentmap/incidentmap/geo"
)

// benchArticle builds a ~5 KB article naming 20 places.
func benchArticle(tb testing.TB) (geo.Article, []geo.Mention) {
	towns := []string{"Avdiivka", "Bakhmut", "Kupiansk", "Lyman", "Siversk", "Toretsk", "Pokrovsk",
		"Vuhledar", "Marinka", "Robotyne", "Tokmak", "Orikhiv", "Kherson", "Nikopol", "Sumy",
		"Kharkiv", "Chasiv Yar", "Kreminna", "Svatove", "Izium"}
	var b strings.Builder
	var specs []placeSpec
	for i, town := range towns {
		switch i % 4 {
		case 0:
			b.WriteString("Russian forces shelled " + town + " on Thursday, killing two civilians and wounding five others, regional officials said. ")
		case 1:
			b.WriteString("Air defence units shot down 12 drones over " + town + " overnight, the military said, adding that debris damaged a school. ")
		case 2:
			b.WriteString("Ukraine's military said heavy fighting continued near " + town + ", where troops repelled several assaults. ")
		default:
			b.WriteString("Protesters rallied in " + town + " last week against the mobilisation law. Police detained 14 people.\n\n")
		}
		b.WriteString("The situation remained tense as residents described long queues for water and bread in the damaged districts. ")
		specs = append(specs, placeSpec{Needle: town, FeatureCode: "PPL", Country: "UA", Admin1: "05", Lat: 48, Lon: 37, Precision: 1})
	}
	text := b.String()
	return geo.Article{Text: text, Published: time.Date(2024, 4, 5, 9, 0, 0, 0, time.UTC)}, mentionsFor(tb, text, specs...)
}

func BenchmarkExtract(b *testing.B) {
	a, ms := benchArticle(b)
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n += len(Extract(a, ms))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if n == 0 {
		b.Fatal("no incidents")
	}
}
