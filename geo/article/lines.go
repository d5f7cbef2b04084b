package article

import (
	"fmt"
	"strings"
)

// LineErrors lists the lines of a JSON Lines input that could not be read.
// Read returns it beside the articles of the good lines: each line
// succeeds or fails alone.
type LineErrors struct {
	Errs []error // one per bad line, each naming its line
}

func (e *LineErrors) Error() string {
	msgs := make([]string, len(e.Errs))
	for i, err := range e.Errs {
		msgs[i] = err.Error()
	}
	return fmt.Sprintf("%d bad line(s): %s", len(e.Errs), strings.Join(msgs, "; "))
}

// Unwrap gives errors.Is and errors.As each line's error.
func (e *LineErrors) Unwrap() []error { return e.Errs }
