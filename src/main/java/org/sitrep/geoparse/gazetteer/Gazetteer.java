package org.sitrep.geoparse.gazetteer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Place;

/**
 * A loaded gazetteer: every place, and for every folded name ({@link NameKey}) the places that
 * carry it, most populous first. Immutable once loaded, so one instance is shared by all threads.
 *
 * <p>The index file ({@value #FILE}) is this project's own binary format: a header, the places
 * (id, coordinates as floats, codes, population), the admin names that make admin paths
 * ("Syria > Idlib"), then the name table. Loading it is a sequential read with no parsing of
 * text, which is what keeps start-up within seconds.
 */
public final class Gazetteer {
    public static final String FILE = "gazetteer.bin";
    static final int MAGIC = 0x53475a31; // "SGZ1"
    static final int VERSION = 2;
    /** Candidates kept per name: "San Jose" has dozens; the long tail never wins on context. */
    static final int MAX_CANDIDATES = 64;

    private final Place[] places;
    private final Map<String, int[]> byKey;
    private final Map<String, String> adminNames;
    private final Map<String, Integer> adminPlaces;
    private final String description;
    private final String tables;
    private final String[] primaryKeys;

    private Gazetteer(Place[] places, Map<String, int[]> byKey, Map<String, String> adminNames, String description, String tables) {
        this.tables = tables;
        this.places = places;
        this.byKey = byKey;
        this.adminNames = adminNames;
        this.description = description;
        Map<String, Integer> ap = new HashMap<>();
        for (int i = 0; i < places.length; i++) {
            Place p = places[i];
            String code = switch (p.featureCode()) {
                case "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR" -> p.countryCode();
                case "ADM1" -> p.countryCode() + "." + p.admin1();
                case "ADM2" -> p.countryCode() + "." + p.admin1() + "." + p.admin2();
                default -> null;
            };
            if (code != null && !code.isEmpty()) ap.putIfAbsent(code, i);
        }
        this.adminPlaces = ap;
        this.primaryKeys = new String[places.length];
        for (int i = 0; i < places.length; i++) primaryKeys[i] = NameKey.of(places[i].name());
    }

    /** The folded preferred name of a place: a match on it is stronger than one on a rare alternate. */
    public String primaryKey(int index) { return primaryKeys[index]; }

    public int size() { return places.length; }

    public int nameCount() { return byKey.size(); }

    /** What this index was built from (source and date), for {@code sitrep gazetteer info}. */
    public String description() { return description; }

    /**
     * Whether this index was built with the project tables this version of Sitrep ships (countries,
     * divisions, supplement); an index from an older version should be rebuilt.
     */
    public boolean hasCurrentTables() { return tables.equals(ProjectTables.fingerprint()); }

    /** Whether this is the default index built from cities500 (which can be rebuilt without user input). */
    public boolean isDefaultIndex() { return description.startsWith(GazetteerInstaller.DESCRIPTION); }

    public Place place(int index) { return places[index]; }

    /** Indexes of the places whose name folds to {@code key}, most populous first; empty if none. */
    public int[] candidates(String key) {
        int[] c = byKey.get(key);
        return c == null ? EMPTY : c;
    }

    public boolean hasKey(String key) { return byKey.containsKey(key); }

    /** Every folded name key with its places (indexes, most populous first); for building secondary indexes. */
    public void forEachName(java.util.function.BiConsumer<String, int[]> action) { byKey.forEach(action); }

    private static final int[] EMPTY = new int[0];

    /** The country (cc), first-level (cc.a1) or second-level (cc.a1.a2) division's place index, or -1. */
    public int adminPlace(String code) {
        Integer i = adminPlaces.get(code);
        return i == null ? -1 : i;
    }

    /** Display name of a country or division code, or null. */
    public String adminName(String code) { return adminNames.get(code); }

    /** "Syria > Idlib Governorate > Saraqib": country, divisions, then the place itself. */
    public String adminPath(Place p) {
        List<String> parts = new ArrayList<>(4);
        String cc = p.countryCode();
        if (!cc.isEmpty()) {
            addIfNew(parts, adminNames.get(cc));
            if (!p.admin1().isEmpty() && !p.featureCode().startsWith("PCL")) {
                addIfNew(parts, adminNames.get(cc + "." + p.admin1()));
                if (!p.admin2().isEmpty() && !p.featureCode().equals("ADM1")) {
                    addIfNew(parts, adminNames.get(cc + "." + p.admin1() + "." + p.admin2()));
                }
            }
        }
        addIfNew(parts, p.name());
        return String.join(" > ", parts);
    }

    private static void addIfNew(List<String> parts, String s) {
        if (s != null && !s.isEmpty() && (parts.isEmpty() || !parts.getLast().equals(s))) parts.add(s);
    }

    // ---- file format ----

    /** Loads {@value #FILE} from a gazetteer directory. */
    public static Gazetteer load(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC) throw new IOException(file + " is not a Sitrep gazetteer index");
            int version = in.readInt();
            if (version != VERSION) {
                throw new StaleIndexException(file + " has index version " + version + ", this Sitrep reads " + VERSION
                        + ": rebuild it with 'sitrep gazetteer install --force'");
            }
            String description = in.readUTF();
            String tables = in.readUTF();
            String[] strings = new String[in.readInt()];
            for (int i = 0; i < strings.length; i++) strings[i] = in.readUTF();
            Place[] places = new Place[in.readInt()];
            for (int i = 0; i < places.length; i++) {
                long id = in.readLong();
                String name = in.readUTF();
                float lat = in.readFloat(), lon = in.readFloat();
                String fclass = strings[in.readInt()], fcode = strings[in.readInt()];
                String cc = strings[in.readInt()];
                String a1 = strings[in.readInt()], a2 = strings[in.readInt()];
                long pop = in.readLong();
                places[i] = new Place(id, name, new GeoPoint(lat, lon), fclass, fcode, cc, a1, a2, pop);
            }
            int nAdmin = in.readInt();
            Map<String, String> admin = new HashMap<>(nAdmin * 2);
            for (int i = 0; i < nAdmin; i++) admin.put(in.readUTF(), in.readUTF());
            int nKeys = in.readInt();
            Map<String, int[]> byKey = new HashMap<>((int) (nKeys / 0.7f) + 1);
            for (int i = 0; i < nKeys; i++) {
                String key = in.readUTF();
                int n = in.readUnsignedShort();
                int[] idx = new int[n];
                for (int j = 0; j < n; j++) idx[j] = in.readInt();
                byKey.put(key, idx);
            }
            return new Gazetteer(places, byKey, admin, description, tables);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no gazetteer index here");
        }
    }

    /**
     * Writes an index built from {@code rows} into {@code dir} (atomically: a half-written index
     * is never left under the final name).
     */
    static void write(Path dir, Collection<PlaceRow> rows, Map<String, String> adminNames, String description) throws IOException {
        Files.createDirectories(dir);
        List<PlaceRow> list = new ArrayList<>(rows);
        // Most populous first, so each posting list is in prior order without a per-key sort.
        list.sort((a, b) -> Long.compare(b.population, a.population));
        Map<String, Integer> stringIds = new LinkedHashMap<>();
        stringIds.put("", 0);
        for (PlaceRow r : list) {
            for (String s : new String[] {r.featureClass, r.featureCode, r.countryCode, r.admin1, r.admin2}) {
                stringIds.putIfAbsent(s == null ? "" : s, stringIds.size());
            }
        }
        Map<String, IntList> byKey = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            for (String n : list.get(i).names) {
                for (String key : keysOf(n)) {
                    IntList l = byKey.computeIfAbsent(key, k -> new IntList());
                    if (l.size < MAX_CANDIDATES && (l.size == 0 || l.data[l.size - 1] != i)) l.add(i);
                }
            }
        }
        Path tmp = dir.resolve(FILE + ".tmp");
        try (OutputStream raw = Files.newOutputStream(tmp);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(description);
            out.writeUTF(ProjectTables.fingerprint());
            out.writeInt(stringIds.size());
            for (String s : stringIds.keySet()) out.writeUTF(s);
            out.writeInt(list.size());
            for (PlaceRow r : list) {
                out.writeLong(r.id);
                out.writeUTF(r.name);
                out.writeFloat((float) r.lat);
                out.writeFloat((float) r.lon);
                out.writeInt(stringIds.get(r.featureClass));
                out.writeInt(stringIds.get(r.featureCode));
                out.writeInt(stringIds.get(r.countryCode));
                out.writeInt(stringIds.get(r.admin1 == null ? "" : r.admin1));
                out.writeInt(stringIds.get(r.admin2 == null ? "" : r.admin2));
                out.writeLong(r.population);
            }
            out.writeInt(adminNames.size());
            for (var e : adminNames.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(byKey.size());
            for (var e : byKey.entrySet()) {
                out.writeUTF(e.getKey());
                IntList l = e.getValue();
                out.writeShort(l.size);
                for (int j = 0; j < l.size; j++) out.writeInt(l.data[j]);
            }
        }
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The keys a name is indexed under: its folded form, and without a leading Arabic article
     * ("Al-Raqqah" is also found as "Raqqah", "الرقة" as "رقة") because texts write both.
     */
    static List<String> keysOf(String name) {
        String k = NameKey.of(name);
        if (k.length() < 2 || k.length() > GeoNamesFormat.MAX_NAME_CHARS) return List.of();
        List<String> keys = new ArrayList<>(3);
        keys.add(k);
        String bare = stripArticle(k);
        if (bare != null && bare.length() >= 3) keys.add(bare);
        // texts are tokenised without the possessive, so "People's Republic of China" is also "People Republic of China"
        int apos = name.indexOf("'s ");
        if (apos < 0) apos = name.indexOf("\u2019s ");
        if (apos > 0) keys.add(NameKey.of(name.substring(0, apos) + name.substring(apos + 2)));
        return keys;
    }

    private static final String[] ARTICLES = {"al ", "el ", "ar ", "as ", "ad ", "ash ", "an ", "at ", "az ", "ad ", "ul "};

    static String stripArticle(String k) {
        for (String a : ARTICLES) if (k.startsWith(a)) return k.substring(a.length());
        if (k.startsWith("\u0627\u0644") && k.length() > 4 && k.indexOf(' ') < 0) return k.substring(2);
        return null;
    }

    /** The index was written by another version of Sitrep and cannot be read by this one. */
    public static final class StaleIndexException extends IOException {
        public StaleIndexException(String message) { super(message); }
    }

    static final class IntList {
        int[] data = new int[2];
        int size;

        void add(int v) {
            if (size == data.length) data = Arrays.copyOf(data, size * 2);
            data[size++] = v;
        }
    }
}
