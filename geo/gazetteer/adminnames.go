package gazetteer

import "sync"

// adminKey is the divisions an entry lies in, by code.
type adminKey struct{ country, admin1, admin2 string }

// adminNames remembers the names withAdminNames gives each combination of
// codes: finding them reads the division entries and, for the admin1
// label, the names index, which costs more in the packed index than the
// lookup that wants them. Any change to the index forgets them.
type adminNames struct {
	mu sync.Mutex
	m  map[adminKey][3]string
}

// namesOf returns the country, admin1 and admin2 names for k; the caller
// holds the read lock.
func (ix *Index) namesOf(k adminKey) [3]string {
	c := ix.names
	c.mu.Lock()
	n, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return n
	}
	if s, ok := ix.countrySlot(k.country); ok {
		n[0] = ix.peek(s).Name
	}
	if k.admin1 != "" {
		if s, ok := ix.admin1Slot(k.country + "." + k.admin1); ok {
			n[1] = ix.admin1Label(s)
		}
	}
	if k.admin2 != "" {
		if s, ok := ix.admin2Slot(k.country + "." + k.admin1 + "." + k.admin2); ok {
			n[2] = ix.peek(s).Name
		}
	}
	c.mu.Lock()
	if c.m == nil {
		c.m = map[adminKey][3]string{}
	}
	c.m[k] = n
	c.mu.Unlock()
	return n
}

// forgetNames drops the remembered names; the caller holds the write lock.
func (ix *Index) forgetNames() {
	if len(ix.names.m) > 0 {
		ix.names = &adminNames{}
	}
}
