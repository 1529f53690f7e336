package output

import "os"

// swapByRename moves dest aside to a name beside staging, moves staging to
// dest and then moves the old output to the staging path for removal. Unlike
// the atomic exchange, there is a moment in which dest does not exist.
func swapByRename(staging, dest string) error {
	aside := staging + "-old"
	if err := os.Rename(dest, aside); err != nil {
		return err
	}
	if err := os.Rename(staging, dest); err != nil {
		// Put the previous output back; the build still failed.
		_ = os.Rename(aside, dest)
		return err
	}
	return os.Rename(aside, staging)
}
