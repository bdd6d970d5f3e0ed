package org.sitrep.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        String h = hasher.hash("correct horse".toCharArray());
        assertTrue(h.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(hasher.verify("correct horse".toCharArray(), h));
        assertFalse(hasher.verify("correct horsf".toCharArray(), h));
        assertNotEquals(h, hasher.hash("correct horse".toCharArray()), "a fresh salt each time");
        assertTrue(new PasswordHasher(5000).verify("correct horse".toCharArray(), h), "the stored iteration count is used");
    }

    @Test
    void malformedHashesNeverMatchAndBadPasswordsAreRefused() {
        assertFalse(hasher.verify("x".toCharArray(), "plain"));
        assertFalse(hasher.verify("x".toCharArray(), "pbkdf2-sha256$99999999999$AA$AA"));
        assertFalse(hasher.verify("x".toCharArray(), "pbkdf2-sha256$1000$!!$!!"));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("short".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("a".repeat(2000).toCharArray()));
    }
}
