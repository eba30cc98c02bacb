package io.jenkins.plugins.nexor;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import jenkins.util.BuildListenerAdapter;

/**
 * Where bulk send N of a build keeps its files: in the build's directory on the controller, so that they survive an
 * agent that is gone and a workspace that was cleaned, and a resume after a restart needs neither.
 * <ul>
 *   <li>{@code nexor-bulk-N.record.csv}: the send record (a line before each request leaves, one with each outcome);</li>
 *   <li>{@code nexor-bulk-N.results.csv}: one line per lead in input order, written as leads finish; archived and
 *       copied to the workspace as {@code nexor-bulk-N.csv} at the end;</li>
 *   <li>{@code nexor-leads-ID.csv} (or {@code .json}): the copy of a workspace leads file, read from there twice
 *       (to check, to send) and deleted when the bulk send, or the Pipeline build, ends.</li>
 * </ul>
 */
final class BulkFiles {
    private static final String LEADS_PREFIX = "nexor-leads-";

    private BulkFiles() {}

    static String recordName(int number) {
        return "nexor-bulk-" + number + ".record.csv";
    }

    static String resultsName(int number) {
        return "nexor-bulk-" + number + ".results.csv";
    }

    /** The results' name as an artifact and in the workspace (what {@code NEXOR_BULK_RESULTS} names). */
    static String artifactName(int number) {
        return "nexor-bulk-" + number + ".csv";
    }

    static Path record(Run<?, ?> run, int number) {
        return dir(run).resolve(recordName(number));
    }

    static Path results(Run<?, ?> run, int number) {
        return dir(run).resolve(resultsName(number));
    }

    /** Where a resumed send's earlier record is put until the send has its number. */
    static Path earlier(Run<?, ?> run, String id) {
        return dir(run).resolve("nexor-earlier-" + id + ".csv");
    }

    /** The controller's copy of the leads file of the send {@code id} (same extension: CSV, or JSON). */
    static Path snapshot(Run<?, ?> run, String id, String leadsFile) {
        boolean json = leadsFile.toLowerCase(Locale.ROOT).endsWith(".json");
        return dir(run).resolve(LEADS_PREFIX + id + (json ? ".json" : ".csv"));
    }

    /**
     * Copies the leads file from the workspace to the controller.
     *
     * @throws AbortException when there is no workspace or no such file (nothing was sent)
     */
    static void copyLeads(FilePath workspace, String leadsFile, Path snapshot)
            throws IOException, InterruptedException {
        if (workspace == null) {
            throw new AbortException(Messages.Bulk_noWorkspace(leadsFile));
        }
        FilePath file = workspace.child(leadsFile);
        if (!file.exists()) {
            throw new AbortException(Messages.Bulk_noFile(leadsFile));
        }
        Files.createDirectories(snapshot.getParent());
        try (InputStream in = file.read()) {
            Files.copy(in, snapshot, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Closes a bulk send's results, archives them from the build directory (no workspace needed) and copies them to
     * the workspace, if there is one; the artifact's name, or null when they could not be archived.
     */
    static String publish(
            Run<?, ?> run, TaskListener listener, BulkRun.Workspace workspace, int number, BulkResultsFile results)
            throws InterruptedException {
        PrintStream log = listener.getLogger();
        String artifact = artifactName(number);
        String problem = results.close();
        if (problem != null) {
            log.println(Messages.Bulk_resultsIncomplete(artifact, problem));
        }
        try {
            run.pickArtifactManager()
                    .archive(
                            new FilePath(run.getRootDir()),
                            new Launcher.LocalLauncher(listener),
                            new BuildListenerAdapter(listener),
                            Map.of(artifact, resultsName(number)));
            log.println(Messages.Bulk_archived(artifact));
        } catch (IOException | RuntimeException e) {
            log.println(Messages.Bulk_notArchived(artifact, e.toString()));
            artifact = null;
        }
        try {
            FilePath ws = workspace.get();
            if (ws != null) {
                new FilePath(results(run, number).toFile()).copyTo(ws.child(artifactName(number)));
            }
        } catch (IOException | RuntimeException e) { // an agent that is gone: the results are archived
            log.println(Messages.Bulk_notCopied(artifactName(number), e.toString()));
        }
        return artifact;
    }

    /** Deletes the copies of leads files of a build; what cannot be deleted stays (they hold no secret). */
    static void deleteSnapshots(Run<?, ?> run) {
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(dir(run), LEADS_PREFIX + "*")) {
            for (Path copy : copies) {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            // the build directory is unreadable or gone: nothing to clean
        }
    }

    private static Path dir(Run<?, ?> run) {
        return run.getRootDir().toPath();
    }

    /** Deletes the copies of leads files when a build ends (a Pipeline's are kept until then, to resume). */
    @Extension
    public static final class Cleanup extends RunListener<Run<?, ?>> {
        @Override
        public void onCompleted(Run<?, ?> run, @NonNull TaskListener listener) {
            if (run.getAction(NexorSendAction.class) != null) {
                deleteSnapshots(run);
            }
        }
    }
}
