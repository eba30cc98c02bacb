/**
 * The {@code nexor} command line, on nexor-client: {@link io.jenkins.plugins.nexor.cli.NexorCli} (entry point),
 * {@code ExitCodes}, one class per command ({@code SendCommand}, {@code SendBulkCommand}, {@code ValidateCommand},
 * {@code DemoCommand}), shared options ({@code MessageOptions}, {@code ConnectionOptions}), output ({@code Output}).
 * Its words: {@code UsageErrors} (a wrong command line: one line, the usage line, where the help is; exit 2),
 * {@code CliWords} (the client's texts with the CLI's option names and advice), {@code UserInput} ({@code @FILE},
 * {@code @@}). The key never printed: {@code Redactor} (key-shaped text and the configured key masked, user input
 * quoted only as a short excerpt) on every output through {@code RedactingWriter}.
 * {@code send-bulk}'s parts: the client's {@code SharedMessage} (what every lead shares, checked once before the leads
 * are read, unless a column of the file may supply it: {@code LeadsFile.perLeadColumns()}), {@code RecordOptions} (the write-ahead send
 * record: {@code --record}, {@code --resume}, {@code --resend-uncertain}, {@code --record-sync}; the record itself is
 * the client's {@code SendRecord}), {@code BulkResults} (each lead's CSV or JSON line, checked as it is written),
 * {@code BulkSummary} (the closing counts, advice and exit code). Ending well: {@code Interruption} (Ctrl-C and
 * SIGTERM through a shutdown hook that stops the run and waits, bounded, for every result to be written;
 * {@code Signals} for a second signal) and {@code StdoutStream} (why standard output could not be written). Leads
 * files (CSV or JSON, any of the encodings people have) are read by the client's {@code LeadsFile}.
 */
package io.jenkins.plugins.nexor.cli;
