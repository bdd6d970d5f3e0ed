package org.sitrep.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A bounded least-recently-used map. Thread-safe (one lock; the values it holds are immutable). */
final class Lru<K, V> {
    private final LinkedHashMap<K, V> map;

    Lru(int capacity) {
        this.map = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<K, V> eldest) { return size() > capacity; }
        };
    }

    synchronized V get(K key) { return map.get(key); }

    synchronized void put(K key, V value) { map.put(key, value); }

    /** The cached value, or a new one computed outside the lock (two threads may both compute it). */
    V computeIfAbsent(K key, Function<K, V> f) {
        V v = get(key);
        if (v != null) return v;
        v = f.apply(key);
        put(key, v);
        return v;
    }

    synchronized int size() { return map.size(); }
}
