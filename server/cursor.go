package server

import (
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// pageCursor is the opaque position in a next link: the keyset of the last
// item returned and how many items came before the next page (for prev links
// and numbering).
type pageCursor struct {
	EventDate string
	ID        int64
	Offset    int
}

// encodeCursor writes c as URL-safe base64 so clients treat it as opaque.
func encodeCursor(c pageCursor) string {
	raw := c.EventDate + "|" + strconv.FormatInt(c.ID, 10) + "|" + strconv.Itoa(c.Offset)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// decodeCursor reads a cursor from a next link; anything else is a 400.
func decodeCursor(s string) (pageCursor, error) {
	bad := paramError(paramCursor, "is not a cursor this server wrote; follow the next link as given")
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return pageCursor{}, bad
	}
	parts := strings.Split(string(raw), "|")
	if len(parts) != 3 {
		return pageCursor{}, bad
	}
	if _, err := time.Parse(time.DateOnly, parts[0]); err != nil {
		return pageCursor{}, bad
	}
	id, err1 := strconv.ParseInt(parts[1], 10, 64)
	off, err2 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || id < 0 || off < 0 || off > maxOffset {
		return pageCursor{}, bad
	}
	return pageCursor{EventDate: parts[0], ID: id, Offset: off}, nil
}
