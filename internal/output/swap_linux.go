//go:build linux

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap makes staging the destination. When dest exists the two folders are
// exchanged in one atomic renameat2(RENAME_EXCHANGE), so a web server
// reading dest serves the old site or the new one, never a mix or nothing.
// Staging then contains the old output.
func swap(staging, dest string) error {
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		return os.Rename(staging, dest)
	}
	err := unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) {
		// Some file systems (older overlayfs, NFS) lack the exchange.
		return swapByRename(staging, dest)
	}
	return err
}
