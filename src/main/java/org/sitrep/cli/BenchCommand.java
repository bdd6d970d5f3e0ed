package org.sitrep.cli;

import org.sitrep.bench.StoreBenchCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks whose figures go into BENCHMARKS.md (not part of the test run).",
        subcommands = {StoreBenchCommand.class})
final class BenchCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }
}
