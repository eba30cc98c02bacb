package io.jenkins.plugins.nexor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The workers on their own: the bound on waiting requests, the cut, and that a cut never reaches the next request. */
class RequestWorkersTest {

    @Test
    void requestsBeyondTheWaitingBoundAreRefusedSoThatTheServerClosesThem() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (RequestWorkers workers = new RequestWorkers(1, 2, Duration.ofSeconds(30))) {
            for (int i = 0; i < 3; i++) { // one running, two waiting
                workers.execute(() -> await(release));
            }
            assertThatThrownBy(() -> workers.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
            release.countDown();
        }
    }

    @Test
    void aReadNotFinishedInTimeIsCutAndTheCutDoesNotReachTheNextRequest() throws Exception {
        CompletableFuture<Long> cutAfter = new CompletableFuture<>();
        CompletableFuture<Boolean> nextInterrupted = new CompletableFuture<>();
        try (RequestWorkers workers = new RequestWorkers(1, Duration.ofMillis(100))) {
            workers.execute(() -> { // a read that blocks: cut at 100 ms + the grace
                long start = System.nanoTime();
                try {
                    Thread.sleep(10_000);
                    cutAfter.complete(-1L);
                } catch (InterruptedException e) {
                    cutAfter.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                    Thread.currentThread().interrupt(); // as the JDK leaves it after ClosedByInterruptException
                }
            });
            workers.execute(() -> nextInterrupted.complete(Thread.currentThread().isInterrupted()));
            assertThat(cutAfter.get(5, TimeUnit.SECONDS)).isBetween(500L, 2000L);
            assertThat(nextInterrupted.get(5, TimeUnit.SECONDS)).isFalse();
        }
    }

    @Test
    void theCutOfARequestThatEndedInTimeNeverStrikesTheNextOneOnTheSameWorker() throws Exception {
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        try (RequestWorkers workers = new RequestWorkers(1, Duration.ofMillis(100))) {
            workers.execute(() -> {}); // ends at once, its cut (at 600 ms) still pending unless cancelled
            workers.execute(() -> { // same worker, a request whose read is finished: nothing may cut it
                RequestWorkers.current().finish();
                try {
                    Thread.sleep(1500);
                    interrupted.complete(false);
                } catch (InterruptedException e) {
                    interrupted.complete(true);
                }
            });
            assertThat(interrupted.get(5, TimeUnit.SECONDS)).isFalse();
        }
    }

    @Test
    void aFinishedReadIsNeverCut() throws Exception {
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        try (RequestWorkers workers = new RequestWorkers(1, Duration.ofMillis(50))) {
            workers.execute(() -> {
                RequestWorkers.current().finish(); // the body is read: slow work after it is the sandbox's own
                try {
                    Thread.sleep(1000);
                    interrupted.complete(false);
                } catch (InterruptedException e) {
                    interrupted.complete(true);
                }
            });
            assertThat(interrupted.get(5, TimeUnit.SECONDS)).isFalse();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
