package main

// continents are the seven continents with their GeoNames ids and points.
func continents() []row {
	c := func(gid int64, name, code string, lat, lon float64, alt ...string) row {
		return row{ID: gid, GeonameID: gid, Name: name, ASCII: name, Alt: alt, Code: "CONT", Country: code, Lat: lat, Lon: lon}
	}
	return []row{
		c(6255146, "Africa", "", 7.1881, 21.09375, "Африка"),
		c(6255147, "Asia", "", 29.84064, 89.29688, "Азия", "Азія"),
		c(6255148, "Europe", "", 48.69096, 9.14062, "Европа", "Європа"),
		c(6255149, "North America", "", 46.07323, -100.54688, "Северная Америка", "Північна Америка"),
		c(6255150, "South America", "", -14.60485, -57.65625, "Южная Америка", "Південна Америка"),
		c(6255151, "Oceania", "", -18.31281, 138.51562, "Океания", "Океанія"),
		c(6255152, "Antarctica", "", -78.15856, 16.40626, "Антарктида"),
	}
}
