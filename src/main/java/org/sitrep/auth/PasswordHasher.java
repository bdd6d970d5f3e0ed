package org.sitrep.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing with PBKDF2-HMAC-SHA256 from the JDK (no native dependency). The stored form
 * carries its own iteration count and salt ({@code pbkdf2-sha256$ITERATIONS$SALT$HASH}), so the
 * work factor can be raised later without invalidating existing passwords. Thread-safe.
 */
public final class PasswordHasher {
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    static final int MAX_PASSWORD_CHARS = 1024;
    private static final String PREFIX = "pbkdf2-sha256";

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(int iterations) {
        if (iterations < 1000) throw new IllegalArgumentException("at least 1000 PBKDF2 iterations");
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        check(password);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] dk = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(dk);
    }

    /** True when {@code password} matches {@code stored}; a malformed stored hash never matches. */
    public boolean verify(char[] password, String stored) {
        if (password == null || password.length > MAX_PASSWORD_CHARS || stored == null) return false;
        String[] p = stored.split("\\$");
        if (p.length != 4 || !p[0].equals(PREFIX)) return false;
        try {
            int it = Integer.parseInt(p[1]);
            if (it < 1000 || it > 10_000_000) return false;
            byte[] salt = Base64.getDecoder().decode(p[2]);
            byte[] expected = Base64.getDecoder().decode(p[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, it));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the same time as a real check, so a missing user cannot be told apart by timing. */
    public void burn(char[] password) {
        derive(password == null ? new char[0] : password, new byte[16], iterations);
    }

    static void check(char[] password) {
        if (password == null || password.length < 8) throw new IllegalArgumentException("passwords need at least 8 characters");
        if (password.length > MAX_PASSWORD_CHARS) throw new IllegalArgumentException("passwords are at most " + MAX_PASSWORD_CHARS + " characters");
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 missing from the JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
