/* The whole-file reader every part of twoway uses: all of a file
 * descriptor, or of a named file, into one NUL-terminated buffer, with an
 * optional size limit; and the writer of a whole buffer to a descriptor. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "twoway/util.h"

char *tw_read_fd(int fd, size_t max, size_t *len)
{
	size_t cap = 0, n = 0;
	char *buf = NULL;
	for (;;) {
		/* room for a read of at least 4 KiB and the final NUL */
		if (!tw_grow((void **)&buf, &cap, n + 4096, 1)) {
			free(buf);
			errno = ENOMEM;
			return NULL;
		}
		size_t want = cap - n - 1;
		if (max && want > max + 1 - n)
			want = max + 1 - n;
		ssize_t r = read(fd, buf + n, want);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int e = errno;
			free(buf);
			errno = e;
			return NULL;
		}
		n += (size_t)r;
		if (r == 0 || (max && n > max))
			break;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

char *tw_read_file(const char *path, size_t max, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	char *buf = tw_read_fd(fd, max, len);
	int e = errno;
	close(fd);
	errno = e;
	return buf;
}

bool tw_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return false;
		}
		p += n;
		len -= (size_t)n;
	}
	return true;
}
