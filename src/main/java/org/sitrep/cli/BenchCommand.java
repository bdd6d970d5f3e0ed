package org.sitrep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Parent of the load benchmarks (figures in BENCHMARKS.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the speed of a stage on generated load (see BENCHMARKS.md).",
        subcommands = {ClusterBenchCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }
}
