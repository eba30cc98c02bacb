/**
 * Benchmarks, each measuring against a baseline in the same run (figures and commands in docs/performance.md):
 * {@code ClientOverheadBenchmark} (JMH: client send vs bare OkHttp POST), {@code SandboxThroughputBenchmark} (JMH:
 * sends/s and percentiles, sandbox vs bare loopback server), {@code BulkBench} (harness: bulk vs sequential, rate cap
 * seen by the sandbox, memory for 1k vs 10k leads) and {@code LoopbackNexor}, the minimal server the baselines use.
 */
package io.jenkins.plugins.nexor.benchmarks;
