package org.sitrep.extract;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic-regression model over hashed features ({@link Features}) that scores the 25
 * ACLED sub-event types. Only aggregate weights are stored (half-precision floats per hash bucket),
 * never a text or a row of the data it was trained on. Immutable; thread-safe.
 */
final class TypeModel {
    static final String RESOURCE = "type-model.bin";
    private static final int MAGIC = 0x5352544d; // "SRTM"
    private static final int VERSION = 1;
    /** A model file claiming more than this is corrupt, not big. */
    private static final int MAX_ROWS = 1 << 22;

    private final int bits;
    private final String[] labels;
    private final String description;
    private final int[] rowOf;      // bucket -> row index, or -1
    private final float[] weights;  // row * labels.length + label

    TypeModel(int bits, String[] labels, String description, int[] rowOf, float[] weights) {
        this.bits = bits;
        this.labels = labels.clone();
        this.description = description;
        this.rowOf = rowOf;
        this.weights = weights;
    }

    int bits() { return bits; }

    List<String> labels() { return List.of(labels); }

    /** How the weights were made (files, split, settings), as recorded by the trainer. */
    String description() { return description; }

    /** Class probabilities (softmax) for a feature set, in {@link #labels()} order. */
    double[] probabilities(int[] features) {
        int c = labels.length;
        double[] s = new double[c];
        for (int f : features) {
            int r = rowOf[f];
            if (r < 0) continue;
            int base = r * c;
            for (int j = 0; j < c; j++) s[j] += weights[base + j];
        }
        return softmax(s);
    }

    /** The weight of one feature towards one label (0 when the feature was never seen). */
    double weight(int feature, int label) {
        int r = rowOf[feature];
        return r < 0 ? 0 : weights[r * labels.length + label];
    }

    static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) max = Math.max(max, v);
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            s[j] = Math.exp(s[j] - max);
            sum += s[j];
        }
        for (int j = 0; j < s.length; j++) s[j] /= sum;
        return s;
    }

    static TypeModel loadDefault() {
        try (InputStream in = TypeModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/sitrep/extract/" + RESOURCE
                        + "; rebuild it with: ./sitrep train events ../shared/data/events/acled-global-2020.jsonl");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TypeModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)));
        if (in.readInt() != MAGIC) throw new IOException("not a Sitrep type model");
        int version = in.readInt();
        if (version != VERSION) throw new IOException("unsupported type model version " + version);
        int bits = in.readInt();
        if (bits < 8 || bits > 24) throw new IOException("bad hash size " + bits);
        int nl = in.readInt();
        if (nl < 1 || nl > 1000) throw new IOException("bad label count " + nl);
        String[] labels = new String[nl];
        for (int i = 0; i < nl; i++) labels[i] = in.readUTF();
        String description = in.readUTF();
        int rows = in.readInt();
        if (rows < 0 || rows > MAX_ROWS || rows > (1 << bits)) throw new IOException("bad row count " + rows);
        int[] rowOf = new int[1 << bits];
        Arrays.fill(rowOf, -1);
        float[] w = new float[rows * nl];
        for (int r = 0; r < rows; r++) {
            int b = in.readInt();
            if (b < 0 || b >= rowOf.length) throw new IOException("bad bucket " + b);
            rowOf[b] = r;
            for (int j = 0; j < nl; j++) w[r * nl + j] = Float.float16ToFloat(in.readShort());
        }
        return new TypeModel(bits, labels, description, rowOf, w);
    }

    void write(OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw);
        DataOutputStream out = new DataOutputStream(gz);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(bits);
        out.writeInt(labels.length);
        for (String l : labels) out.writeUTF(l);
        out.writeUTF(description);
        List<Integer> buckets = new ArrayList<>();
        for (int b = 0; b < rowOf.length; b++) if (rowOf[b] >= 0) buckets.add(b);
        out.writeInt(buckets.size());
        int nl = labels.length;
        for (int b : buckets) {
            out.writeInt(b);
            int r = rowOf[b];
            for (int j = 0; j < nl; j++) out.writeShort(Float.floatToFloat16(weights[r * nl + j]));
        }
        out.flush();
        gz.finish();
    }
}
