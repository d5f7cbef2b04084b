package server

import "github.com/incidentmap/incidentmap/geo"

// withPopulation fills a place's population from the gazetteer: the store
// keeps where incidents happened, not how many people live there, so a
// place with a GeoNames id takes the gazetteer's figure (Kyiv is not 0).
func (s *Server) withPopulation(pc geo.PlaceCount) geo.PlaceCount {
	if pc.Population > 0 || pc.GeonameID == 0 {
		return pc
	}
	if p, ok := s.deps.Gazetteer.Get(pc.GeonameID); ok && p.Population > 0 {
		pc.Population = p.Population
	}
	return pc
}
