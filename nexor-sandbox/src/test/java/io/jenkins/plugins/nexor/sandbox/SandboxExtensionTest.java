package io.jenkins.plugins.nexor.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension: one sandbox per class, reset before each test to the builder's options. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxExtensionTest {
    @RegisterExtension
    static final NexorSandboxExtension failing = new NexorSandboxExtension(NexorSandbox.builder().fault(Fault.status(503)));

    @RegisterExtension
    final NexorSandboxExtension perTest = new NexorSandboxExtension();

    private static int firstPort;

    @Test
    @Order(1)
    void aTestMayChangeTheFaults() throws Exception {
        firstPort = failing.sandbox().port();
        assertThat(RawHttp.get(failing.sandbox(), "/workflows", failing.sandbox().apiKey()).statusCode()).isEqualTo(503);
        failing.sandbox().fault(null).failNext(5, Fault.status(500));
        assertThat(RawHttp.get(failing.sandbox(), "/workflows", failing.sandbox().apiKey()).statusCode()).isEqualTo(500);
    }

    @Test
    @Order(2)
    void theNextStartsFromTheBuildersFaultsWithNothingRecorded() throws Exception {
        assertThat(failing.sandbox().port()).isEqualTo(firstPort);
        assertThat(failing.sandbox().requests()).isEmpty();
        assertThat(RawHttp.get(failing.sandbox(), "/workflows", failing.sandbox().apiKey()).statusCode()).isEqualTo(503);
    }

    @Test
    @Order(3)
    void onAnInstanceFieldItRunsOneSandboxPerTest() throws Exception {
        assertThat(perTest.sandbox().port()).isNotEqualTo(failing.sandbox().port());
        assertThat(RawHttp.get(perTest.sandbox(), "/workflows", perTest.sandbox().apiKey()).statusCode()).isEqualTo(200);
    }
}
