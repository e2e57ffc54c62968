package dev.tapewatch.cli;

import dev.tapewatch.app.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "tapewatch", mixinStandardHelpOptions = true, versionProvider = TapewatchCommand.VersionText.class,
        description = "Records and shows US stock market second bars. With no command, opens the window.",
        subcommands = {RecordCommand.class, SimulateCommand.class, ReplayCommand.class, ExportCommand.class, SpikesCommand.class, AuditCommand.class, CoverageCommand.class, ImportCommand.class, DaysCommand.class, SymbolsCommand.class, CopyCommand.class,
                MoversCommand.class, LakeCommand.class, StudyCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failure, 2 bad arguments, 3 API key refused,"
                + " 4 feed never reachable, 5 audit found differences."})
public final class TapewatchCommand implements Runnable {
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    static final class VersionText implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tapewatch " + Version.current()};
        }
    }
}
