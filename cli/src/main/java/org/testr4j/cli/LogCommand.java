package org.testr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.StoredRun;
import org.testr4j.subunit.process.TestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code testr log}: the output of chosen tests. */
@Command(
        name = "log",
        mixinStandardHelpOptions = true,
        description = "Show the output and tracebacks of the tests whose ids match PATTERN (a glob with * ? [ ],"
                + " otherwise a regular expression found anywhere in the id); exit 1 if any of them failed.")
final class LogCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @Parameters(paramLabel = "PATTERN", description = "Test ids to show: 'pkg.*Test.adds*' or 'Adds|Subtracts'.")
    String pattern;

    @Option(names = "--run", paramLabel = "RUN", defaultValue = "-1", description = "The run (default: the latest).")
    String run;

    @Override
    public Integer call() throws IOException {
        Pattern match = compile(pattern);
        try (FileRepository repo = parent.openRepository()) {
            StoredRun r = repo.run(TestrCommand.runRef(run));
            List<TestResult> results = RunReport.results(
                    repo, r.id(), t -> match.matcher(t.testId()).find());
            PrintWriter out = parent.out();
            RunReport report = new RunReport(out);
            boolean failed = false;
            for (TestResult t : results) {
                report.printDetails(t);
                failed |= t.status().isFailure();
            }
            if (results.isEmpty()) {
                parent.streams().err().println("testr log: no test in run " + r.id() + " matches '" + pattern + "'");
            }
            out.flush();
            return failed ? ExitCode.TESTS_FAILED : ExitCode.OK;
        }
    }

    /** A glob when it has glob characters and reads as one, anchored at both ends; a regex otherwise. */
    static Pattern compile(String pattern) {
        if (pattern.matches(".*[*?\\[].*") && !pattern.contains(".*")) {
            StringBuilder regex = new StringBuilder("^");
            for (char c : pattern.toCharArray()) {
                switch (c) {
                    case '*':
                        regex.append(".*");
                        break;
                    case '?':
                        regex.append('.');
                        break;
                    case '[':
                    case ']':
                        regex.append(c);
                        break;
                    default:
                        regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.append('$').toString());
        }
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new UserException(
                    "pattern '" + pattern + "' is neither a glob nor a regular expression: " + e.getDescription(),
                    ExitCode.USAGE);
        }
    }
}
