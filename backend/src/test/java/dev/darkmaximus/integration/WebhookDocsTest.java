package dev.darkmaximus.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The webhook signature as docs/integrators.md documents it: the Java snippet there is the one the tests run
 * ({@link DocumentedSignature}), it accepts what the sender signs and refuses a changed body, an old timestamp or
 * another secret; the Python snippet agrees (run when python3 is on the machine).
 */
class WebhookDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "integrators.md");
    private static final String SECRET = "whsec_test-secret-for-the-docs";

    @Test
    void theJavaSnippetInTheDocsIsTheTestedOne() throws IOException {
        String source = Files.readString(Path.of("src", "test", "java", "dev", "darkmaximus", "integration",
                "DocumentedSignature.java"));
        String method = source.substring(source.indexOf("// docs:begin") + "// docs:begin".length(),
                source.indexOf("// docs:end")).strip();
        String unindented = method.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(Files.readString(DOCS)).contains(unindented);
    }

    @Test
    void whatTheShopSignsVerifiesAndNothingElseDoes() throws Exception {
        String body = "{\"id\":1,\"type\":\"customer.created\",\"data\":{\"customerId\":7}}";
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header(SECRET, now, body);
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);

        assertThat(DocumentedSignature.verified(SECRET, header, raw)).isTrue();
        assertThat(DocumentedSignature.verified(SECRET, header, (body + " ").getBytes(StandardCharsets.UTF_8)))
                .as("a changed body").isFalse();
        assertThat(DocumentedSignature.verified("whsec_another", header, raw)).as("another secret").isFalse();
        assertThat(DocumentedSignature.verified(SECRET, WebhookSignature.header(SECRET, now - 600, body), raw))
                .as("ten minutes old").isFalse();
        assertThat(DocumentedSignature.verified(SECRET, "t=" + now + ",v1=zz", raw)).as("garbage").isFalse();
        assertThat(DocumentedSignature.verified(SECRET, "", raw)).isFalse();
    }

    @Test
    void thePythonSnippetAgrees() throws Exception {
        assumeTrue(python() != null, "python3 is not installed here");
        Matcher snippet = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOCS));
        assertThat(snippet.find()).isTrue();
        String body = "{\"id\":2,\"type\":\"order.paid\",\"data\":{\"note\":\"Привет\"}}";
        long now = Instant.now().getEpochSecond();
        String script = snippet.group(1) + """

                import sys
                body = sys.stdin.buffer.read()
                print(verified(sys.argv[1], sys.argv[2], body), verified(sys.argv[1], sys.argv[2], body + b" "))
                """;
        Process process = new ProcessBuilder(python(), "-c", script, SECRET, WebhookSignature.header(SECRET, now, body))
                .redirectErrorStream(true).start();
        process.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEqualTo("True False");
    }

    private static String python() {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
            if (Files.isExecutable(Path.of(dir, "python3"))) {
                return Path.of(dir, "python3").toString();
            }
        }
        return null;
    }
}
