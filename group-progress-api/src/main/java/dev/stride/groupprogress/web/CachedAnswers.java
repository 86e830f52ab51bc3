package dev.stride.groupprogress.web;

import dev.stride.api.web.Envelope;
import dev.stride.groupprogress.cache.AnswerBytes;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a cached answer in Sunbird's envelope without serialising or compressing the answer per request.
 *
 * <p>The envelope keeps its per-response fields ({@code ts}, {@code params.resmsgid}), as on every other endpoint:
 * the body is envelope prefix + the cached JSON + {@code "}"}. A client that sends {@code Accept-Encoding: gzip}
 * gets {@code Content-Encoding: gzip}, a gzip member spliced from the cached deflated JSON ({@link GzipMember});
 * any other client gets the plain bytes. Both decode to the same JSON.
 *
 * <p>Revalidation (GET only): {@code ETag: W/"<hash of the cached JSON>"} with {@code Cache-Control: private,
 * no-cache}; a matching {@code If-None-Match} gets {@code 304} with no body. The tag is weak on purpose: two 200s
 * with the same tag differ in {@code ts} and {@code resmsgid} (and in content coding), so they are equivalent,
 * not byte-identical, which is what RFC 9110 8.8.1 calls weak (nginx weakens ETags it gzips for the same reason);
 * If-None-Match always uses the weak comparison (RFC 9110 13.1.2), so 304 works the same. The tag changes with
 * each fill whose JSON differs (the JSON carries its {@code computedAt}), so at most once per TTL. A 304 is only
 * given after the caller's access check, like the 200 it stands for.
 */
@Component
public class CachedAnswers {

    static final String CACHE_CONTROL = "private, no-cache";
    private static final byte MARK = 1; // never appears unescaped in JSON Jackson writes, so it marks where result goes

    private final JsonMapper mapper;

    public CachedAnswers(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** 200 with the envelope around {@code bytes}, or 304 for a GET whose If-None-Match names the current tag. */
    public ResponseEntity<Mono<DataBuffer>> answer(ServerHttpRequest request, DataBufferFactory buffers, HttpHeaders extra,
                                                   AnswerBytes bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(extra);
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            String etag = "W/\"" + bytes.tag() + "\"";
            headers.setETag(etag);
            headers.setCacheControl(CACHE_CONTROL);
            if (matches(request.getHeaders().getOrEmpty(HttpHeaders.IF_NONE_MATCH), bytes.tag())) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
            }
        }
        byte[][] envelope = envelope(ApiIds.of(request));
        List<byte[]> chunks;
        if (ContentCoding.acceptsGzip(request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT_ENCODING))) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            chunks = GzipMember.of(envelope[0], bytes, envelope[1]);
        } else {
            chunks = List.of(envelope[0], bytes.json(), envelope[1]);
        }
        long length = 0;
        List<DataBuffer> parts = new ArrayList<>(chunks.size());
        for (byte[] chunk : chunks) {
            length += chunk.length;
            parts.add(buffers.wrap(chunk)); // wraps, no copy: the cached arrays are never written to
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentLength(length);
        return ResponseEntity.ok().headers(headers).body(Mono.just(buffers.join(parts)));
    }

    /** {prefix, suffix} of a fresh success envelope of {@code apiId}: the bytes before and after {@code result}'s value. */
    byte[][] envelope(String apiId) {
        byte[] whole = mapper.writeValueAsBytes(Envelope.ok(apiId, new RawValue(new String(new char[]{(char) MARK}))));
        for (int i = 0; i < whole.length; i++) {
            if (whole[i] == MARK) {
                byte[] prefix = java.util.Arrays.copyOfRange(whole, 0, i);
                byte[] suffix = java.util.Arrays.copyOfRange(whole, i + 1, whole.length);
                return new byte[][]{prefix, suffix};
            }
        }
        throw new IllegalStateException("the envelope lost its result marker");
    }

    /** Weak comparison (RFC 9110 8.8.3.2) against each listed tag; {@code *} matches any current answer. */
    static boolean matches(List<String> ifNoneMatch, String tag) {
        for (String header : ifNoneMatch) {
            for (String item : header.split(",")) {
                String t = item.strip();
                if (t.equals("*")) {
                    return true;
                }
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.length() == tag.length() + 2 && t.charAt(0) == '"' && t.endsWith("\"") && t.regionMatches(1, tag, 0, tag.length())) {
                    return true;
                }
            }
        }
        return false;
    }
}
