package storecopy

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// convert turns one SQLite value of a column into what the target column
// takes through COPY.
func convert(c column, v any) (any, error) {
	if b, ok := v.([]byte); ok {
		v = string(b)
	}
	switch c.kind {
	case kInt, kNullInt:
		if v == nil && c.kind == kNullInt {
			return nil, nil
		}
		if n, ok := v.(int64); ok {
			return n, nil
		}
	case kFloat, kNullFloat:
		switch x := v.(type) {
		case nil:
			if c.kind == kNullFloat {
				return nil, nil
			}
		case float64:
			return x, nil
		case int64: // a whole number stored in a REAL column may read back as one
			return float64(x), nil
		}
	case kText:
		if s, ok := v.(string); ok {
			return s, nil
		}
	case kDate:
		if s, ok := v.(string); ok {
			return time.Parse(time.DateOnly, s)
		}
	case kTime:
		if s, ok := v.(string); ok {
			if s == "" {
				return nil, nil
			}
			return time.Parse(time.RFC3339Nano, s)
		}
	case kJSONList:
		if s, ok := v.(string); ok {
			list := []string{}
			err := json.Unmarshal([]byte(s), &list)
			return list, err
		}
	case kTabList:
		if s, ok := v.(string); ok {
			if s == "" {
				return []string{}, nil
			}
			return strings.Split(s, "\t"), nil
		}
	case kIDList:
		if s, ok := v.(string); ok {
			return idList(s)
		}
	}
	return nil, fmt.Errorf("column %s: unexpected value %#v", c.name, v)
}

// idList parses comma-joined ids into a sorted list without repeats.
func idList(s string) ([]int64, error) {
	ids := []int64{}
	if s == "" {
		return ids, nil
	}
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("id list %q: %w", s, err)
		}
		ids = append(ids, n)
	}
	slices.Sort(ids)
	return slices.Compact(ids), nil
}
