package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sitrep.app.Sitrep;
import org.sitrep.app.TeamStores;
import org.sitrep.auth.Accounts;
import org.sitrep.auth.PasswordHasher;
import org.sitrep.store.Store;

class UsersKeysCommandIT {
    record Run(int code, String out, String err) {}

    static Run run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            var cl = Main.commandLine();
            cl.setErr(new java.io.PrintWriter(e, true, StandardCharsets.UTF_8));
            int code = cl.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void usersAndKeysAreManagedFromTheCommandLineAndAudited() throws Exception {
        Path dir = Files.createTempDirectory("sitrep-cli");
        String d = dir.toString();
        Run add = run("a long passphrase\n", "users", "add", "alice", "--role", "analyst", "--password-stdin", "--data-dir", d);
        assertEquals(0, add.code(), add.err());
        assertEquals(2, run("another passphrase\n", "users", "add", "alice", "--role", "viewer", "--password-stdin", "--data-dir", d).code(),
                "a taken name is a user error");
        assertEquals(2, run("x\n", "users", "add", "bob", "--role", "viewer", "--password-stdin", "--data-dir", d).code(), "short password");
        assertEquals(2, run("long enough pass\n", "users", "add", "bob", "--role", "god", "--password-stdin", "--data-dir", d).code());
        assertTrue(run("", "users", "list", "--data-dir", d).out().contains("alice"));

        Run key = run("", "keys", "create", "wire feed", "--source", "wire", "--data-dir", d);
        assertEquals(0, key.code(), key.err());
        String secret = key.out().strip();
        assertTrue(secret.startsWith("sk_"), key.out());
        String list = run("", "keys", "list", "--data-dir", d).out();
        assertTrue(list.contains("push") && list.contains("wire") && !list.contains(secret), list);
        String id = list.strip().split("\\s+")[0];

        try (Store store = Sitrep.openStore(null, dir)) {
            TeamStores teams = TeamStores.of(store);
            Accounts accounts = new Accounts(teams.accounts(), new PasswordHasher(1000), Clock.systemUTC(), Duration.ofHours(1));
            assertTrue(accounts.authenticate("alice", "a long passphrase".toCharArray()).isPresent());
            assertFalse(accounts.authenticate("alice", "a long passphrasE".toCharArray()).isPresent());
            assertTrue(accounts.resolveKey(secret).isPresent());
        }
        assertEquals(0, run("", "keys", "revoke", id, "--data-dir", d).code());
        assertEquals(2, run("", "keys", "revoke", id, "--data-dir", d).code(), "already revoked");
        assertEquals(0, run("", "users", "remove", "alice", "--data-dir", d).code());
        try (Store store = Sitrep.openStore(null, dir)) {
            TeamStores teams = TeamStores.of(store);
            Accounts accounts = new Accounts(teams.accounts(), new PasswordHasher(1000), Clock.systemUTC(), Duration.ofHours(1));
            assertFalse(accounts.resolveKey(secret).isPresent(), "a revoked key no longer works");
            var actions = teams.audit().entries(null, 0, 10).stream().map(e -> e.actor() + " " + e.action()).toList();
            assertEquals(java.util.List.of("cli user.remove", "cli key.revoke", "cli key.create", "cli user.add"), actions);
        }
    }
}
