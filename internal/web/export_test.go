package web

// BoardPatterns lists the patterns of the boards' pages, for the route
// matrix test to check it covers every one.
func BoardPatterns() []string {
	out := make([]string, len(boardPages))
	for i, p := range boardPages {
		out[i] = p.pattern
	}
	return out
}
