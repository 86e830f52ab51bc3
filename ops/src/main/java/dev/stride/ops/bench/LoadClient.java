package dev.stride.ops.bench;

import java.util.concurrent.CompletableFuture;

/** What a bench phase sends its measured requests with: a JSON body wrapped in {"request": ...}, or none when null. */
public interface LoadClient {
  CompletableFuture<StrideClient.Response> send(String method, String path, String token, String requestJson);
}
