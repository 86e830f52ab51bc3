package dev.stride.ops.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A small HTTP client for Stride's Sunbird-shaped API: JSON bodies wrapped in {"request": ...}. */
public final class StrideClient implements LoadClient {
  private final HttpClient http;
  private final String baseUrl;

  public StrideClient(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  public record Response(int status, String body) {}

  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public CompletableFuture<Response> send(String method, String path, String token, String requestJson) {
    return sendBody(method, path, token, "application/json", requestJson == null ? null : "{\"request\":" + requestJson + "}");
  }

  /** A body as it is (e.g. text/csv), or none when null. */
  public CompletableFuture<Response> sendBody(String method, String path, String token, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> new Response(r.statusCode(), r.body()));
  }

  /** Sends and insists on HTTP 200 (setup calls). */
  public Response ok(String method, String path, String token, String requestJson) throws IOException {
    Response r = send(method, path, token, requestJson).join();
    if (r.status() != 200) {
      throw new IOException(method + " " + path + " answered " + r.status() + ": " + r.body());
    }
    return r;
  }
}
