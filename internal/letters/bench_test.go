package letters

import "testing"

// BenchmarkRenderOutcomeLetter measures rendering the sample letter, which
// cairn does inside the contact-decision transaction.
func BenchmarkRenderOutcomeLetter(b *testing.B) {
	l := sampleLetter()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderOutcomeLetter(l); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderOutcomeLetterLong measures a letter with a 5,000-word
// explanation (nine pages).
func BenchmarkRenderOutcomeLetterLong(b *testing.B) {
	l := sampleLetter()
	l.DecisionExplanation = longExplanation(5000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RenderOutcomeLetter(l); err != nil {
			b.Fatal(err)
		}
	}
}
