package main

import (
	"encoding/json"
	"fmt"
)

// topology is the part of a TopoJSON document (world-atlas) we read.
type topology struct {
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Geometries []topoGeometry `json:"geometries"`
	} `json:"objects"`
}

type topoGeometry struct {
	Type       string            `json:"type"`
	ID         string            `json:"id"`
	Properties map[string]string `json:"properties"`
	Arcs       json.RawMessage   `json:"arcs"`
}

// ring is a closed line of [lon, lat] points; a polygon is its outer ring
// followed by holes.
type ring [][2]float64
type polygon []ring

// decodeArcs turns quantised, delta-encoded arcs into absolute positions.
func (t *topology) decodeArcs() [][][2]float64 {
	out := make([][][2]float64, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		pts := make([][2]float64, len(arc))
		for j, p := range arc {
			if t.Transform == nil {
				pts[j] = p
				continue
			}
			x += p[0]
			y += p[1]
			pts[j] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		out[i] = pts
	}
	return out
}

// polygons returns the geometry's polygons built from the decoded arcs.
func (g topoGeometry) polygons(arcs [][][2]float64) ([]polygon, error) {
	switch g.Type {
	case "Polygon":
		var rings [][]int
		if err := json.Unmarshal(g.Arcs, &rings); err != nil {
			return nil, err
		}
		return []polygon{buildPolygon(rings, arcs)}, nil
	case "MultiPolygon":
		var polys [][][]int
		if err := json.Unmarshal(g.Arcs, &polys); err != nil {
			return nil, err
		}
		out := make([]polygon, len(polys))
		for i, p := range polys {
			out[i] = buildPolygon(p, arcs)
		}
		return out, nil
	case "":
		return nil, nil
	}
	return nil, fmt.Errorf("topojson: geometry type %q not supported", g.Type)
}

func buildPolygon(rings [][]int, arcs [][][2]float64) polygon {
	p := make(polygon, len(rings))
	for i, r := range rings {
		var pts ring
		for k, idx := range r {
			seg := arcAt(arcs, idx)
			if k > 0 && len(seg) > 0 {
				seg = seg[1:] // arcs share their end points
			}
			pts = append(pts, seg...)
		}
		p[i] = pts
	}
	return p
}

// arcAt returns arc idx; a negative index ~i means arc i reversed.
func arcAt(arcs [][][2]float64, idx int) [][2]float64 {
	if idx >= 0 {
		return arcs[idx]
	}
	src := arcs[^idx]
	rev := make([][2]float64, len(src))
	for i := range src {
		rev[i] = src[len(src)-1-i]
	}
	return rev
}
