package org.sitrep.cli;

import org.sitrep.bench.StoreBenchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Parent of the load benchmarks; their figures go into BENCHMARKS.md (not part of the test run). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed on generated load; the figures go into BENCHMARKS.md (not part of the test run).",
        subcommands = {
                ClusterBenchCommand.class,
                StoreBenchCommand.class,
                org.sitrep.bench.ImportBenchCommand.class,
        })
public final class BenchCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }
}
