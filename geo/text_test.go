package geo

import (
	"testing"
	"time"
)

func TestCheckPublished(t *testing.T) {
	now := time.Date(2024, 4, 6, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		t    time.Time
		ok   bool
	}{
		{"unknown", time.Time{}, true},
		{"year 0", time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"1899", time.Date(1899, 12, 31, 23, 59, 0, 0, time.UTC), false},
		{"1900", time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"yesterday", now.Add(-24 * time.Hour), true},
		{"tomorrow morning in Kyiv", time.Date(2024, 4, 7, 9, 0, 0, 0, time.FixedZone("EEST", 3*3600)), true},
		{"two days ahead", now.Add(49 * time.Hour), false},
		{"9999-12-31", time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckPublished(tt.t, now)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckPublished(%v) = %v, want ok=%v", tt.t, err, tt.ok)
			}
			if err != nil && ErrorCode(err) != EInvalid {
				t.Fatalf("code %q", ErrorCode(err))
			}
		})
	}
}

func TestControlChar(t *testing.T) {
	tests := []struct {
		s   string
		bad bool
	}{
		{"Kherson was shelled.\n\tAgain.\r\n", false},
		{"Київ", false},
		{"a\x00b", true},
		{"\x1b[2J", true},
		{"del\x7f", true},
		{"c1\u0085", true},
		{"nonchar\uFFFE", true},
	}
	for _, tt := range tests {
		if _, bad := ControlChar(tt.s); bad != tt.bad {
			t.Errorf("ControlChar(%q) bad = %v, want %v", tt.s, bad, tt.bad)
		}
	}
}
