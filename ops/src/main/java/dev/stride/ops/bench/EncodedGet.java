package dev.stride.ops.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;

/**
 * GETs as a browser does them: `Accept-Encoding: gzip` and the answer decompressed to its text before the request
 * counts as done (the decompression is in the measured latency), or identity for the plain figure, or a
 * revalidation with `If-None-Match`. A gzip request answered without `Content-Encoding: gzip` counts as failed
 * (status -1), so a figure can never be an identity answer in disguise. Requests time out after 5 s (an error in the
 * figures) so one stalled request cannot swallow a whole measured window; the rare never-answered keep-alive request
 * seen before was the server's (reactor-netty 1.3.7, fixed by 1.3.8: docs/BENCHMARKS.md, issue 4), not this client's.
 */
final class EncodedGet {
  enum Mode { GZIP, IDENTITY }

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http;
  private final String baseUrl;

  EncodedGet(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A GET; {@code ifNoneMatch} may be null. The response's body is the decoded text. */
  CompletableFuture<StrideClient.Response> get(String path, String token, Mode mode, String ifNoneMatch) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token).GET();
    if (mode == Mode.GZIP) {
      b.header("Accept-Encoding", "gzip");
    }
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> decode(r, mode));
  }

  /**
   * A browser's revalidation: If-None-Match with the tag it holds (a gzip GET); a 200 (the entry was refilled after
   * its TTL, so the tag changed) replaces the held tag and is counted in {@code full}.
   */
  CompletableFuture<StrideClient.Response> revalidate(String path, String token, AtomicReference<String> etag, LongAdder full) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").header("If-None-Match", etag.get()).GET().build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> {
      if (r.statusCode() == 200) {
        full.increment();
        r.headers().firstValue("ETag").ifPresent(etag::set);
      }
      return decode(r, Mode.GZIP);
    });
  }

  /** The ETag of a fresh answer (setup for the revalidation phase). */
  String etag(String path, String token) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token).build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).join().headers().firstValue("ETag")
        .orElseThrow(() -> new IllegalStateException("no ETag on " + path));
  }

  private static StrideClient.Response decode(HttpResponse<byte[]> r, Mode mode) {
    boolean gzipped = r.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
    if (r.statusCode() == 200 && mode == Mode.GZIP && !gzipped) {
      return new StrideClient.Response(-1, "asked for gzip, got identity");
    }
    if (!gzipped) {
      return new StrideClient.Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()), 16 * 1024)) {
      return new StrideClient.Response(r.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
