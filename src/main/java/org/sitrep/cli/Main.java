package org.sitrep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sitrep} command line program. */
@Command(name = "sitrep", mixinStandardHelpOptions = true, version = "sitrep 0.1.0",
        description = {"Sitrep: a live situation map built from open sources.", "",
                "Run 'sitrep demo' to see a map with demo data on http://localhost:8080,",
                "or 'sitrep help COMMAND' for the options of one command."},
        subcommands = {
                CommandLine.HelpCommand.class,
                ServeCommand.class,
                DemoCommand.class,
                IngestCommand.class,
                SourcesCommand.class,
                GazetteerCommand.class,
                EvalCommand.class,
                TrainCommand.class,
                MigrateCommand.class,
                BenchCommand.class,
                UsersCommand.class,
                KeysCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserException || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("sitrep: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl;
    }
}
