// Package mapdata answers the map page's questions about the bundled
// gazetteer: which town and city names to draw in a view at a zoom (ranked,
// with overlapping labels dropped), which country and admin1 region hold a
// point, and the approximate shape of each admin1 region.
package mapdata
