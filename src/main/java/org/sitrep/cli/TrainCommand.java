package org.sitrep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Parent of the training commands; each rebuilds a shipped model from annotated data. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Rebuild a shipped model from annotated data (documented split; weights only, never rows).",
        subcommands = {TrainEventsCommand.class})
public final class TrainCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }
}
