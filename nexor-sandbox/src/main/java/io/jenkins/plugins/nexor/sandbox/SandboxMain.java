package io.jenkins.plugins.nexor.sandbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar nexor-sandbox.jar [options]}: starts a sandbox and prints how to use it. */
public final class SandboxMain {
    static final String HELP = """
            nexor-sandbox: a local Nexor on 127.0.0.1 for tests, demos and rehearsals (nothing leaves this machine)

            Usage: java -jar nexor-sandbox.jar [options]

              --port N             port to listen on (default 8787; 0 picks a free port)
              --api-key KEY        the key the sandbox accepts (default %s)
              --latency DURATION   added to every API request, e.g. 50ms or 2s (default 0)
              --rate-limit N       API requests per second before 429 + Retry-After, e.g. 20 or 0.5 (default: none)
              --fault FAULT        inject a fault in every API request: latency=MILLIS, status=CODE[;retry-after=S],
                                   drop-before-read, drop-after-read, malformed-json, html, success-false
                                   (per request: header X-Sandbox-Fault with the same text)
              --data FILE          add leads, workflows and templates from a JSON file
              --accept-any-lead    treat every well-formed lead id as a lead with phone and e-mail (load tests)
              --max-messages N     requests and messages kept for inspection (default 1000)
              --request-timeout DURATION
                                   time a request may take to arrive, headers and body together (default 10s):
                                   a client still sending after it gets 408, a silent one is disconnected
              --help               this text
            """.formatted(NexorSandbox.DEMO_API_KEY);

    private SandboxMain() {}

    public static void main(String[] args) throws Exception {
        NexorSandbox sandbox;
        try {
            sandbox = parse(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("nexor-sandbox: " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        } catch (java.io.IOException e) {
            System.err.println("nexor-sandbox: " + (e instanceof java.net.BindException
                    ? "cannot listen on that port (" + e.getMessage() + "); try --port 0" : e.getMessage()));
            System.exit(1);
            return;
        }
        if (sandbox == null) {
            return; // --help
        }
        printBanner(sandbox, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** Starts a sandbox from command-line options; null after --help. */
    static NexorSandbox parse(String[] args, PrintStream out) throws java.io.IOException {
        NexorSandbox.Builder b = NexorSandbox.builder().port(8787);
        SandboxDirectory directory = SandboxDirectory.seeded();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    out.print(HELP);
                    return null;
                }
                case "--port" -> b.port(number(a, value(args, ++i, a)));
                case "--api-key" -> b.apiKey(value(args, ++i, a));
                case "--latency" -> b.latency(duration(a, value(args, ++i, a)));
                case "--rate-limit" -> b.rateLimit(perSecond(a, value(args, ++i, a)));
                case "--fault" -> b.fault(Fault.parse(value(args, ++i, a)));
                case "--data" -> directory.load(Path.of(value(args, ++i, a)));
                case "--accept-any-lead" -> directory.acceptAnyLead(true);
                case "--max-messages" -> b.maxMessages(number(a, value(args, ++i, a)));
                case "--request-timeout" -> b.requestTimeout(positive(a, value(args, ++i, a)));
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return b.directory(directory).start();
    }

    static void printBanner(NexorSandbox sandbox, PrintStream out) {
        StringBuilder ids = new StringBuilder();
        SandboxDirectory d = sandbox.directory();
        d.leads().stream().limit(MAX_LISTED).forEach(l -> ids.append(String.format("  lead      %s  %s (%s)%n",
                l.id(), l.name(), reach(l))));
        d.workflows().stream().limit(MAX_LISTED).forEach(w -> ids.append(String.format("  workflow  %s  %s%n",
                w.id(), w.name())));
        d.templates().stream().limit(MAX_LISTED).forEach(t -> ids.append(String.format("  template  %s  %s (%s)%n",
                t.id(), t.name(), t.status())));
        out.printf("""
                Nexor sandbox running (nothing leaves this machine).
                  API base URL : %s
                  API key      : %s
                  Messages page: %s/

                Ids you can use:
                %s
                Try it:
                  curl -s -X POST %s/messages -H 'Content-Type: application/json' -H 'X-API-Key: %s' \\
                    -d '{"lead_id":"%s","workflow_id":"%s","channel":"whatsapp","content":"Hola Ana"}'
                Ctrl-C stops it.
                """, sandbox.baseUrl(), sandbox.apiKey(), sandbox.rootUrl(), ids, sandbox.baseUrl(), sandbox.apiKey(),
                SandboxDirectory.DEMO_LEAD_ANA, SandboxDirectory.DEMO_WORKFLOW);
        out.flush();
    }

    private static final int MAX_LISTED = 12;

    private static String reach(Lead l) {
        String channels = l.phone() == null ? ""
                : l.inWhatsappWindow() ? "whatsapp, call" : "call, whatsapp templates only";
        if (l.email() != null) {
            channels = channels.isEmpty() ? "email" : channels + ", email";
        }
        return channels.isEmpty() ? "unreachable" : channels;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String option, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got \"" + text + "\"");
        }
    }

    /** A rate: a finite number of 0 or more (NaN, infinities and negatives are refused). */
    private static double perSecond(String option, String text) {
        try {
            double perSecond = Double.parseDouble(text.strip());
            if (Double.isFinite(perSecond) && perSecond >= 0) {
                return perSecond;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException(option + " needs requests per second: a number of 0 or more such as 20 or"
                + " 0.5 (0 = no limit), got \"" + text + "\"");
    }

    private static Duration positive(String option, String text) {
        Duration d;
        try {
            d = duration(option, text);
        } catch (IllegalArgumentException e) {
            d = Duration.ZERO; // explained below
        }
        if (d.isZero()) {
            throw new IllegalArgumentException(option + " needs a duration of more than 0 such as 10s or 500ms, got \""
                    + text + "\"");
        }
        return d;
    }

    /** {@code 50ms}, {@code 2s}, {@code 1.5s} or plain milliseconds; finite and not negative. */
    static Duration duration(String option, String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            long millis;
            if (t.endsWith("ms")) {
                millis = Long.parseLong(t.substring(0, t.length() - 2));
            } else if (t.endsWith("s")) {
                double seconds = Double.parseDouble(t.substring(0, t.length() - 1));
                millis = Double.isFinite(seconds) ? Math.round(seconds * 1000) : -1;
            } else {
                millis = Long.parseLong(t);
            }
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException(option + " needs a duration of 0 or more such as 50ms, 2s or 1.5s, got \""
                + text + "\"");
    }
}
