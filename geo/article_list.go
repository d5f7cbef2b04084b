package geo

import "time"

// ArticleSummary is one stored article in a listing: what it is and how
// many incidents it reported, without its text.
type ArticleSummary struct {
	ID         int64     `json:"id"`
	Title      string    `json:"title"`
	URL        string    `json:"url"`
	Published  time.Time `json:"published"`
	IngestedAt time.Time `json:"ingested_at"`
	Incidents  int       `json:"incidents"`
}
