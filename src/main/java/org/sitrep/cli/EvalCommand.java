package org.sitrep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Parent of the evaluation commands; each scores one stage on a human-annotated file. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure a stage on human-annotated data (see BENCHMARKS.md for the figures).",
        subcommands = {
                GeoparseEvalCommand.class,
                EvalEventsCommand.class,
                ClusterEvalCommand.class,
                AttributionEvalCommand.class,
                StanceEvalCommand.class,
        })
public final class EvalCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }
}
