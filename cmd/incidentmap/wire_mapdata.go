package main

import (
	"fmt"
	"strings"

	"github.com/incidentmap/incidentmap/data"
	"github.com/incidentmap/incidentmap/geo"
	"github.com/incidentmap/incidentmap/geo/borders"
	gaz "github.com/incidentmap/incidentmap/geo/gazetteer"
	"github.com/incidentmap/incidentmap/geo/mapdata"
)

// pageMapData serves the page's labels, reverse lookups and admin1 shapes
// from the bundled gazetteer and the Natural Earth country polygons.
type pageMapData struct {
	m      *mapdata.Map
	shapes *mapdata.Shapes
}

func (p pageMapData) Labels(b geo.BBox, zoom int) []mapdata.Label { return p.m.Labels(b, zoom) }
func (p pageMapData) Reverse(lat, lon float64) (mapdata.Where, bool) {
	return p.m.Reverse(lat, lon)
}
func (p pageMapData) RegionShapes(country string) mapdata.RegionShapes {
	return p.shapes.RegionShapes(country)
}

// lateMapData is the map data loaded in the background, so serve listens
// at once; a request that comes before it is ready waits for it.
type lateMapData struct {
	done chan struct{}
	md   pageMapData
	err  error
}

// loadMapDataLater starts loading the map data.
func loadMapDataLater() *lateMapData {
	l := &lateMapData{done: make(chan struct{})}
	go func() {
		defer close(l.done)
		l.md, l.err = newMapData()
	}()
	return l
}

func (l *lateMapData) Labels(b geo.BBox, zoom int) []mapdata.Label {
	if <-l.done; l.err != nil {
		return nil
	}
	return l.md.Labels(b, zoom)
}

func (l *lateMapData) Reverse(lat, lon float64) (mapdata.Where, bool) {
	if <-l.done; l.err != nil {
		return mapdata.Where{}, false
	}
	return l.md.Reverse(lat, lon)
}

func (l *lateMapData) RegionShapes(country string) mapdata.RegionShapes {
	if <-l.done; l.err != nil {
		return mapdata.RegionShapes{}
	}
	return l.md.RegionShapes(country)
}

// newMapData loads the bundled gazetteer's settlements and regions for the
// map page.
func newMapData() (pageMapData, error) {
	m, err := bundledMap()
	if err != nil {
		return pageMapData{}, fmt.Errorf("map data: %w", err)
	}
	raw, err := data.Basemap()
	if err != nil {
		return pageMapData{}, fmt.Errorf("map data: %w", err)
	}
	b, err := borders.Parse(raw)
	if err != nil {
		return pageMapData{}, fmt.Errorf("map data: %w", err)
	}
	return pageMapData{m: m, shapes: mapdata.NewShapes(m, b.Shape)}, nil
}

// bundledMap is the map's places from the packed gazetteer, read through
// an index of its own that is let go afterwards, so the entries it
// decodes do not stay in memory. Names are copied out of the packed
// entries, which hold all of an entry's names in one string.
func bundledMap() (*mapdata.Map, error) {
	ix, err := gaz.Open(data.GazetteerIndex())
	if err != nil {
		return nil, err
	}
	var places []mapdata.Place
	for p := range ix.All() {
		places = append(places, mapdata.Place{Name: strings.Clone(p.Name), FeatureCode: p.FeatureCode,
			Country: p.Country, Admin1: p.Admin1, Population: p.Population, Lat: p.Lat, Lon: p.Lon})
	}
	return mapdata.New(places), nil
}
