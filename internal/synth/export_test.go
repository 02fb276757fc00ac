package synth

// SetBatchChildren makes Generate write about n children per transaction
// until restore is called.
func SetBatchChildren(n int) (restore func()) {
	old := batchChildren
	batchChildren = n
	return func() { batchChildren = old }
}
