package io.cloudward.sandbox.estate;

import java.util.List;

/**
 * A small deterministic random source (SplitMix64) keyed by a seed and any parts, so the same seed,
 * account, region and hour always produce the same estate, in any order and on any machine.
 */
public final class Rng {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private long state;

    private Rng(long state) {
        this.state = state;
    }

    public static Rng of(long seed, Object... parts) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (Object part : parts) {
            h = mix(h ^ hash(String.valueOf(part)));
        }
        return new Rng(h);
    }

    /** A key for {@link #at}: the seed and parts hashed once, for a sequence of related draws. */
    public static long key(long seed, Object... parts) {
        return of(seed, parts).state;
    }

    /** The source for step {@code index} under {@code key}, without hashing text again. */
    public static Rng at(long key, long index) {
        return new Rng(mix(key ^ mix(index + 0x632BE59BD9B4E019L)));
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    public int nextInt(int bound) {
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** A whole number in [min, max]. */
    public int between(int min, int max) {
        return min + nextInt(max - min + 1);
    }

    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public boolean chance(double probability) {
        return nextDouble() < probability;
    }

    public <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** {@code length} lower-case hex digits. */
    public String hex(int length) {
        StringBuilder out = new StringBuilder(length);
        long bits = nextLong();
        for (int i = 0; i < length; i++) {
            if (i % 16 == 0 && i > 0) {
                bits = nextLong();
            }
            out.append(HEX[(int) (bits >>> ((i % 16) * 4)) & 0xF]);
        }
        return out.toString();
    }

    /** A UUID-formatted identifier. */
    public String uuid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
