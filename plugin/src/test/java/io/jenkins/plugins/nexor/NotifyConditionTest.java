package io.jenkins.plugins.nexor;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The conditions of the post-build action, result by result (no Jenkins needed: they only compare results). */
class NotifyConditionTest {
    private static final List<Result> RESULTS =
            List.of(Result.SUCCESS, Result.UNSTABLE, Result.FAILURE, Result.NOT_BUILT, Result.ABORTED);

    private static Set<NotifyCondition> met(Result result, Result previous) {
        Set<NotifyCondition> met = EnumSet.noneOf(NotifyCondition.class);
        for (NotifyCondition c : NotifyCondition.values()) {
            if (c.isMet(result, previous)) {
                met.add(c);
            }
        }
        return met;
    }

    @Test
    void eachResultMeetsItsOwnConditionAndAlways() {
        assertThat(met(Result.SUCCESS, null)).containsExactly(NotifyCondition.SUCCESS, NotifyCondition.ALWAYS);
        assertThat(met(Result.UNSTABLE, null)).containsExactly(NotifyCondition.UNSTABLE, NotifyCondition.ALWAYS);
        assertThat(met(Result.FAILURE, null)).containsExactly(NotifyCondition.FAILURE, NotifyCondition.ALWAYS);
        assertThat(met(Result.NOT_BUILT, null)).containsExactly(NotifyCondition.NOT_BUILT, NotifyCondition.ALWAYS);
        assertThat(met(Result.ABORTED, null)).containsExactly(NotifyCondition.ABORTED, NotifyCondition.ALWAYS);
    }

    @Test
    void backToNormalIsASuccessAfterAnUnstableOrFailedBuild() {
        assertThat(NotifyCondition.FIXED.isMet(Result.SUCCESS, Result.FAILURE)).isTrue();
        assertThat(NotifyCondition.FIXED.isMet(Result.SUCCESS, Result.UNSTABLE)).isTrue();
        assertThat(NotifyCondition.FIXED.isMet(Result.SUCCESS, Result.SUCCESS)).isFalse();
        assertThat(NotifyCondition.FIXED.isMet(Result.SUCCESS, null)).isFalse(); // the first build
        for (Result result : RESULTS) {
            if (result != Result.SUCCESS) {
                assertThat(NotifyCondition.FIXED.isMet(result, Result.FAILURE))
                        .as("%s after FAILURE", result)
                        .isFalse();
            }
        }
        // a fixed build is also a successful one
        assertThat(met(Result.SUCCESS, Result.FAILURE))
                .containsExactly(NotifyCondition.SUCCESS, NotifyCondition.FIXED, NotifyCondition.ALWAYS);
    }
}
