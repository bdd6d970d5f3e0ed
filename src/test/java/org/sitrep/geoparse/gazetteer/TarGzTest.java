package org.sitrep.geoparse.gazetteer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TarGzTest {
    /** A ustar archive as npm writes it: header blocks, octal sizes, 512-byte padding, two zero blocks. */
    static byte[] tgz(String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (int i = 0; i < names.length; i++) {
            byte[] h = new byte[512];
            byte[] n = names[i].getBytes(StandardCharsets.UTF_8);
            System.arraycopy(n, 0, h, 0, n.length);
            byte[] size = String.format("%011o ", contents[i].length).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(size, 0, h, 124, size.length);
            h[156] = '0';
            tar.write(h);
            tar.write(contents[i]);
            tar.write(new byte[(512 - contents[i].length % 512) % 512]);
        }
        tar.write(new byte[1024]);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar.toByteArray());
        }
        return gz.toByteArray();
    }

    @Test
    void findsTheEntryAfterOthersAndReadsExactlyItsBytes() throws IOException {
        byte[] first = new byte[700];
        Arrays.fill(first, (byte) 'x');
        byte[] wanted = "1\tAleppo\n".getBytes(StandardCharsets.UTF_8);
        byte[] archive = tgz(new String[] {"package/README.md", "package/dist/cities500.txt"}, new byte[][] {first, wanted});
        try (InputStream in = TarGz.open(new ByteArrayInputStream(archive), "package/dist/cities500.txt")) {
            assertArrayEquals(wanted, in.readAllBytes());
        }
    }

    @Test
    void missingEntryIsAnErrorNamingIt() throws IOException {
        byte[] archive = tgz(new String[] {"package/README.md"}, new byte[][] {new byte[10]});
        IOException e = assertThrows(IOException.class, () -> TarGz.open(new ByteArrayInputStream(archive), "package/dist/cities500.txt"));
        assertTrue(e.getMessage().contains("package/dist/cities500.txt"));
    }

    @Test
    void truncatedArchiveIsAnError() throws IOException {
        byte[] big = new byte[5000];
        byte[] archive = tgz(new String[] {"a", "b"}, new byte[][] {big, new byte[1]});
        // cut the uncompressed stream short by re-compressing only its first part
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        byte[] tar;
        try (InputStream in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(archive))) {
            tar = in.readAllBytes();
        }
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tar, 0, 2000);
        }
        assertThrows(IOException.class, () -> TarGz.open(new ByteArrayInputStream(gz.toByteArray()), "b"));
    }
}
