/**
 * The {@code nexor} command line, on nexor-client: {@link io.jenkins.plugins.nexor.cli.NexorCli} (entry point, exit
 * codes), one class per command ({@code SendCommand}, {@code SendBulkCommand}, {@code ValidateCommand},
 * {@code DemoCommand}), shared options ({@code MessageOptions}, {@code ConnectionOptions}), output ({@code Output})
 * (CSV reading is the client's {@code Recipients}).
 */
package io.jenkins.plugins.nexor.cli;
