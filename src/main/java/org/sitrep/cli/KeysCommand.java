package org.sitrep.cli;

import java.time.Clock;
import java.time.Duration;
import org.sitrep.auth.AccountStore;
import org.sitrep.auth.Accounts;
import org.sitrep.auth.PasswordHasher;
import org.sitrep.auth.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Manage API keys for machines (Authorization: Bearer KEY).",
                "A key has a role, or is a push key for one source (--source) that may only submit that source's reports."},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key and print its secret (shown only this once).")
    static final class Create implements Runnable {
        @Mixin StoreOptions storeOptions;
        @Parameters(index = "0", paramLabel = "NAME", description = "What the key is for, e.g. 'newsroom dashboard'.") String name;
        @Option(names = "--role", description = "viewer, analyst or admin (default: viewer)") String role;
        @Option(names = "--source", paramLabel = "SOURCE_ID", description = "Make a push key for this source (POST /api/reports only).") String source;

        @Override public void run() {
            if (role != null && source != null) throw new UserException("a push key (--source) has no role; leave out --role");
            Role r = role == null ? Role.VIEWER : Role.parse(role);
            UsersCommand.withTeams(storeOptions, (store, teams) -> {
                Accounts accounts = new Accounts(teams.accounts(), new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS), Clock.systemUTC(), Duration.ofHours(12));
                Accounts.CreatedKey k = accounts.createKey(name, r, source);
                UsersCommand.audit(teams, "key.create", "key:" + k.key().id(), null, k.key());
                System.err.println("created key " + k.key().id() + (source != null ? " (push key for source " + source + ")" : " (" + r.wire() + ")")
                        + "; store the secret now, it is not shown again:");
                System.out.println(k.secret());
                return null;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never their secrets).")
    static final class ListKeys implements Runnable {
        @Mixin StoreOptions storeOptions;

        @Override public void run() {
            UsersCommand.withTeams(storeOptions, (store, teams) -> {
                for (AccountStore.ApiKey k : teams.accounts().keys()) {
                    System.out.printf("%-12s %-8s %-20s %-24s %s%n", k.id(), k.sourceId() != null ? "push" : k.role().wire(),
                            k.sourceId() != null ? k.sourceId() : "-", k.name(), k.active() ? "active" : "revoked " + k.revokedAt());
                }
                return null;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by its id (from 'sitrep keys list').")
    static final class Revoke implements Runnable {
        @Mixin StoreOptions storeOptions;
        @Parameters(index = "0", paramLabel = "KEY_ID") String id;

        @Override public void run() {
            UsersCommand.withTeams(storeOptions, (store, teams) -> {
                AccountStore.ApiKey before = teams.accounts().key(id).orElseThrow(() -> new UserException("no key '" + id + "'"));
                if (!teams.accounts().revokeKey(id, java.time.Instant.now())) throw new UserException("key " + id + " is already revoked");
                UsersCommand.audit(teams, "key.revoke", "key:" + id, before, teams.accounts().key(id).orElse(null));
                System.out.println("revoked " + id);
                return null;
            });
        }
    }
}
