package store

// SetMaxCardRefsForTest changes how many entries of each kind the cards'
// set holds before it starts over, so a test can cross the bound with a
// few rows.
func SetMaxCardRefsForTest(n int) (restore func()) {
	old := maxRefs
	maxRefs = n
	return func() { maxRefs = old }
}
