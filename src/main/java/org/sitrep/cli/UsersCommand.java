package org.sitrep.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.sitrep.app.Sitrep;
import org.sitrep.app.TeamStores;
import org.sitrep.auth.AccountStore;
import org.sitrep.auth.Accounts;
import org.sitrep.auth.AuditLog;
import org.sitrep.auth.PasswordHasher;
import org.sitrep.auth.Role;
import org.sitrep.internal.Json;
import org.sitrep.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"Manage user accounts for the web page: viewer (read), analyst (moderate), admin (everything).",
                "Creating the first account or key closes open report submission (see 'serve --submissions')."},
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class})
final class UsersCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** Opens the store and the team stores for one command. */
    static <T> T withTeams(StoreOptions options, java.util.function.BiFunction<Store, TeamStores, T> work) {
        try (Store store = Sitrep.openStore(options.db, options.dataDir)) {
            return work.apply(store, TeamStores.of(store));
        }
    }

    static void audit(TeamStores teams, String action, String target, Object before, Object after) {
        teams.audit().record(new AuditLog.Entry(0, Instant.now(), "cli", null, action, target,
                before == null ? null : Json.MAPPER.valueToTree(before), after == null ? null : Json.MAPPER.valueToTree(after)));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Add a user. The password is asked for on the terminal, or read from standard input with --password-stdin",
            "(one line; e.g. echo \"$PASSWORD\" | sitrep users add alice --role analyst --password-stdin)."})
    static final class Add implements Runnable {
        @Mixin StoreOptions storeOptions;
        @Parameters(index = "0", paramLabel = "USERNAME") String username;
        @Option(names = "--role", required = true, description = "viewer, analyst or admin") String role;
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.") boolean stdin;

        @Override public void run() {
            Role r = Role.parse(role);
            char[] password = readPassword(stdin);
            withTeams(storeOptions, (store, teams) -> {
                Accounts accounts = new Accounts(teams.accounts(), new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS), Clock.systemUTC(), java.time.Duration.ofHours(12));
                AccountStore.Account a = accounts.addUser(username, password, r);
                audit(teams, "user.add", "user:" + username, null, Map.of("username", username, "role", r.wire()));
                System.out.println("added " + a.username() + " (" + a.role().wire() + ")");
                return null;
            });
        }
    }

    static char[] readPassword(boolean stdin) {
        if (!stdin) {
            if (System.console() == null) throw new UserException("no terminal to ask for the password; use --password-stdin");
            char[] p = System.console().readPassword("Password: ");
            char[] again = System.console().readPassword("Again: ");
            if (p == null || !java.util.Arrays.equals(p, again)) throw new UserException("the passwords differ");
            return p;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) throw new UserException("no password on standard input");
            return line.toCharArray();
        } catch (IOException e) {
            throw new UserException("cannot read the password from standard input: " + e.getMessage());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their roles.")
    static final class ListUsers implements Runnable {
        @Mixin StoreOptions storeOptions;

        @Override public void run() {
            withTeams(storeOptions, (store, teams) -> {
                for (AccountStore.Account a : teams.accounts().accounts()) {
                    System.out.printf("%-24s %-8s created %s%n", a.username(), a.role().wire(), a.createdAt());
                }
                return null;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user and end their sessions.")
    static final class Remove implements Runnable {
        @Mixin StoreOptions storeOptions;
        @Parameters(index = "0", paramLabel = "USERNAME") String username;

        @Override public void run() {
            withTeams(storeOptions, (store, teams) -> {
                AccountStore.Account a = teams.accounts().account(username).orElseThrow(() -> new UserException("no user '" + username + "'"));
                teams.accounts().removeAccount(username);
                audit(teams, "user.remove", "user:" + username, Map.of("username", username, "role", a.role().wire()), null);
                System.out.println("removed " + username);
                return null;
            });
        }
    }
}
