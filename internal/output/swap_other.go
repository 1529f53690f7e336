//go:build !linux

package output

import (
	"errors"
	"os"
)

// swap makes staging the destination. Outside Linux there is no atomic
// folder exchange in the standard library, so two renames are used.
func swap(staging, dest string) error {
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		return os.Rename(staging, dest)
	}
	return swapByRename(staging, dest)
}
