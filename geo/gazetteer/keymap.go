package gazetteer

// keyMap maps a name key to the slots of the entries found under it. Most
// keys name one entry, so the map holds that slot directly and keeps a
// side list only for keys shared by several entries: a million keys then
// cost a million map cells, not a million small slices, and the index loads
// faster.
type keyMap struct {
	one  map[string]int32 // slot, or -1-i for shared list i
	many [][]int32
}

func newKeyMap(size int) keyMap {
	return keyMap{one: make(map[string]int32, size)}
}

// add records slot under k; adding the same pair twice is a no-op.
func (m *keyMap) add(k string, slot int32) {
	v, ok := m.one[k]
	switch {
	case !ok:
		m.one[k] = slot
	case v >= 0:
		if v != slot {
			m.many = append(m.many, []int32{v, slot})
			m.one[k] = int32(-len(m.many))
		}
	default:
		list := m.many[-v-1]
		if list[len(list)-1] != slot {
			m.many[-v-1] = append(list, slot)
		}
	}
}

// get returns the slots under k; the result must not be modified.
func (m *keyMap) get(k string) []int32 {
	v, ok := m.one[k]
	switch {
	case !ok:
		return nil
	case v >= 0:
		return []int32{v}
	}
	return m.many[-v-1]
}

// remove drops slot from k.
func (m *keyMap) remove(k string, slot int32) {
	v, ok := m.one[k]
	switch {
	case !ok:
	case v >= 0:
		if v == slot {
			delete(m.one, k)
		}
	default:
		m.many[-v-1] = without(m.many[-v-1], slot)
	}
}

// each calls fn for every key and its slots.
func (m *keyMap) each(fn func(k string, slots []int32)) {
	for k := range m.one {
		fn(k, m.get(k))
	}
}
