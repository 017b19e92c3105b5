package org.pelita.lrs.xapi.attachment;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a request body through until more than {@code maxBytes} have come, then fails. It never asks the source
 * for more than {@code maxBytes + 1} bytes in all, so an oversize body is refused after reading just past the limit.
 */
final class BodyLimit extends FilterInputStream {
    /** Thrown by {@link #read} past the limit; the parser may wrap it, so callers ask {@link #exceeded()}. */
    static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("the body is larger than " + maxBytes + " bytes");
        }
    }

    private final long maxBytes;
    private final byte[] single = new byte[1];
    private long count;
    private boolean exceeded;

    BodyLimit(InputStream in, long maxBytes) {
        super(in);
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    boolean exceeded() {
        return exceeded;
    }

    long maxBytes() {
        return maxBytes;
    }

    @Override
    public int read() throws IOException {
        int n;
        do {
            n = read(single, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (exceeded) {
            throw new TooLarge(maxBytes);
        }
        if (length == 0) {
            return 0;
        }
        // One byte beyond the limit is enough to know the body is too large.
        long remaining = maxBytes - count;
        long allowed = remaining == Long.MAX_VALUE ? remaining : remaining + 1;
        int n = in.read(buffer, offset, (int) Math.min(length, allowed));
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                exceeded = true;
                throw new TooLarge(maxBytes);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
