package io.jenkins.plugins.nexor;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Result;
import hudson.model.Run;

/**
 * When the post-build action {@link NexorNotifier} sends: one condition per checkbox of its form, each met or not by
 * the build's result so far and, for {@link #FIXED}, the result of the build before it. The names follow
 * Declarative Pipeline's {@code post} conditions ({@code success}, {@code unstable}, {@code failure},
 * {@code notBuilt}, {@code aborted}, {@code fixed}, {@code always}).
 */
enum NotifyCondition {
    SUCCESS,
    UNSTABLE,
    FAILURE,
    NOT_BUILT,
    ABORTED,
    /** Back to normal: this build succeeded and the last earlier build that ran to an end was unstable or failed. */
    FIXED,
    ALWAYS;

    /**
     * Whether the condition is met.
     *
     * @param result   the build's result so far (never null: a build without a result yet has succeeded so far)
     * @param previous the result that decides "back to normal" ({@link #previousResult(Run)}), null for none
     */
    boolean isMet(Result result, @CheckForNull Result previous) {
        return switch (this) {
            case SUCCESS -> result == Result.SUCCESS;
            case UNSTABLE -> result == Result.UNSTABLE;
            case FAILURE -> result == Result.FAILURE;
            case NOT_BUILT -> result == Result.NOT_BUILT;
            case ABORTED -> result == Result.ABORTED;
            case FIXED -> result == Result.SUCCESS && previous != null && previous.isWorseThan(Result.SUCCESS);
            case ALWAYS -> true;
        };
    }

    /**
     * The result a run has so far. During a freestyle build's post-build actions Jenkins has already set it (a
     * build that did not fail is {@code SUCCESS} by then); in a Pipeline it is null until a step or the end of the
     * Pipeline sets it, which means "successful so far", as {@code currentBuild.currentResult} says.
     */
    static Result resultSoFar(Run<?, ?> run) {
        Result result = run.getResult();
        return result == null ? Result.SUCCESS : result;
    }

    /**
     * The result "back to normal" compares with: that of the last earlier build that has finished and was neither
     * aborted nor not built, the rule of Jenkins' own {@code ResultTrend.FIXED} (the build page's "back to
     * normal"). Null when there is no such build.
     */
    @CheckForNull
    static Result previousResult(Run<?, ?> run) {
        for (Run<?, ?> r = run.getPreviousBuild(); r != null; r = r.getPreviousBuild()) {
            Result result = r.getResult();
            if (r.isBuilding() || result == null || result == Result.ABORTED || result == Result.NOT_BUILT) {
                continue;
            }
            return result;
        }
        return null;
    }

    /** The condition's name in the console, in the JVM's language (as every console line of the plugin). */
    String displayName() {
        return switch (this) {
            case SUCCESS -> Messages.NotifyCondition_success();
            case UNSTABLE -> Messages.NotifyCondition_unstable();
            case FAILURE -> Messages.NotifyCondition_failure();
            case NOT_BUILT -> Messages.NotifyCondition_notBuilt();
            case ABORTED -> Messages.NotifyCondition_aborted();
            case FIXED -> Messages.NotifyCondition_fixed();
            case ALWAYS -> Messages.NotifyCondition_always();
        };
    }
}
