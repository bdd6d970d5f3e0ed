package org.sitrep.geoparse.gazetteer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Just enough of tar (ustar, as npm packs) to find one file in a .tgz stream: 512-byte headers,
 * octal sizes, data padded to 512. No links, no long-name extensions (npm tarballs have none).
 */
final class TarGz {
    private TarGz() {}

    /**
     * Returns a stream positioned on the entry named {@code name}, limited to its size, or throws
     * IOException naming the entry when the archive does not hold it.
     */
    static InputStream open(InputStream tgz, String name) throws IOException {
        InputStream in = new GZIPInputStream(tgz, 1 << 16);
        byte[] header = new byte[512];
        while (true) {
            if (!readFully(in, header)) break;
            if (header[0] == 0) break; // end-of-archive blocks
            String entry = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty()) entry = prefix + "/" + entry;
            long size = octal(header, 124, 12);
            if (size < 0) throw new IOException("corrupt tar header for " + entry);
            if (entry.equals(name)) return new Limited(in, size);
            skip(in, (size + 511) / 512 * 512);
        }
        throw new IOException("the archive has no entry " + name);
    }

    private static boolean readFully(InputStream in, byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int n = in.read(b, off, b.length - off);
            if (n < 0) {
                if (off == 0) return false;
                throw new EOFException("truncated tar archive");
            }
            off += n;
        }
        return true;
    }

    private static void skip(InputStream in, long n) throws IOException {
        byte[] buf = new byte[8192];
        while (n > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, n));
            if (r < 0) throw new EOFException("truncated tar archive");
            n -= r;
        }
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) end++;
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int off, int len) {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            byte c = h[i];
            if (c == 0 || c == ' ') {
                if (v > 0) break;
                continue;
            }
            if (c < '0' || c > '7') return -1;
            v = v * 8 + (c - '0');
        }
        return v;
    }

    /** The entry's bytes and no more. */
    private static final class Limited extends InputStream {
        private final InputStream in;
        private long left;

        Limited(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override public int read() throws IOException {
            if (left <= 0) return -1;
            int c = in.read();
            if (c >= 0) left--;
            return c;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }

        @Override public void close() throws IOException { in.close(); }
    }
}
