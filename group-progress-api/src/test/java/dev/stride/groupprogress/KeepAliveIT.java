package dev.stride.groupprogress;

import dev.stride.testkit.StrideIntegrationTest;
import dev.stride.testkit.StrideStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The stalled keep-alive request (docs/BENCHMARKS.md, issue 4): a request that reaches the server before the previous
 * exchange on its connection has terminated is queued; when that queued request was then answered at once (on the
 * event loop), reactor-netty 1.3.7 never read the connection again, so the next request on it was never answered
 * (until the client gave up and closed: a cancelled exchange of a few ms on the server). Pipelining the two requests
 * queues the second one every time; the JDK client hit the same queue now and then when an answer written from a
 * Redis or Cassandra thread was still terminating as its next request arrived.
 */
@StrideIntegrationTest
class KeepAliveIT {

    static final String TOKEN = TestApi.token("school-a", "teacher", List.of("ORG_ADMIN"));
    static TestApi api;

    @BeforeAll
    static void start(StrideStack stack) {
        api = TestApi.start(stack, Map.of());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theRequestAfterAQueuedRequestAnsweredAtOnceIsAnswered() throws IOException {
        for (int round = 0; round < 5; round++) {
            try (Socket socket = new Socket("127.0.0.1", api.port)) {
                socket.setSoTimeout(5000); // an answer within 5 s even on a loaded machine; the stalled one never comes
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                // A is answered from a Cassandra driver thread (no such group: 404); B, queued behind it, at once (no token: 401).
                String a = get("/v1/groups/" + UUID.randomUUID() + "/progress", TOKEN);
                String b = get("/v1/groups/" + UUID.randomUUID() + "/progress", null);
                out.write((a + b).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(status(in)).as("A").isEqualTo(404);
                assertThat(status(in)).as("B").isEqualTo(401);
                out.write(b.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                try {
                    assertThat(status(in)).as("C").isEqualTo(401);
                } catch (SocketTimeoutException e) {
                    fail("round %d: the request after the queued one was never answered on its keep-alive connection", round);
                }
            }
        }
    }

    private static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    /** Reads one response (status line, headers, Content-Length body) and returns its status. */
    private static int status(InputStream in) throws IOException {
        String statusLine = line(in);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring("content-length:".length()).strip());
            }
        }
        assertThat(in.readNBytes(length)).hasSize(length);
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed mid-response");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
