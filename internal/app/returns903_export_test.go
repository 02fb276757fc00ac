package app

// SetSSDA903MaxFailures lowers the failures a kept SSDA903 report may have,
// for a test, and returns the function that puts it back.
func SetSSDA903MaxFailures(n int) func() {
	old := ssda903MaxFailures
	ssda903MaxFailures = n
	return func() { ssda903MaxFailures = old }
}
