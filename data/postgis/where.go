package postgis

import (
	"strconv"
	"strings"
)

// where is a SQL condition over incidents (aliased i) and its arguments;
// conditions are written with ? for each argument, numbered $n as added.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	var b strings.Builder
	n := 0
	for _, r := range cond {
		if r == '?' && n < len(args) {
			w.args = append(w.args, args[n])
			n++
			b.WriteString("$" + strconv.Itoa(len(w.args)))
			continue
		}
		b.WriteRune(r)
	}
	w.conds = append(w.conds, b.String())
}

// param adds an argument that is not part of the condition (a limit, an
// offset) and returns its placeholder.
func (w *where) param(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

// SQL is the WHERE clause, or "" when nothing is filtered.
func (w *where) SQL() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}
