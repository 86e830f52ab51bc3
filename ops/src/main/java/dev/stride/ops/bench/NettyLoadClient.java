package dev.stride.ops.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The benches' load client: plain HTTP/1.1 keep-alive on Netty with one I/O thread, up to {@code maxConnections}
 * connections, one request at a time per connection (no pipelining), requests beyond that queued in order. The JDK
 * HttpClient cost the generator 0.5–1.9 ms of CPU per request on the 2 cores it measures; this costs a small fraction.
 * Every pool decision runs on the one event loop, so the pool needs no locks.
 */
public final class NettyLoadClient implements LoadClient, AutoCloseable {
  /** A request that has had no answer for this long fails and its connection is closed (same as StrideClient's). */
  static final long TIMEOUT_SECONDS = 30;

  private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoop loop = group.next();
  private final Bootstrap bootstrap;
  private final String host;
  private final String hostHeader;
  private final int maxConnections;
  private final ArrayDeque<Channel> idle = new ArrayDeque<>();
  private final ArrayDeque<Call> waiting = new ArrayDeque<>();
  private int open;

  private record Call(FullHttpRequest request, CompletableFuture<StrideClient.Response> done) {}

  public NettyLoadClient(String baseUrl, int maxConnections) {
    URI uri = URI.create(baseUrl);
    this.host = uri.getHost();
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    this.hostHeader = host + ":" + port;
    this.maxConnections = maxConnections;
    this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class).remoteAddress(host, port)
        .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(16 << 20), new Answers());
          }
        });
  }

  @Override
  public CompletableFuture<StrideClient.Response> send(String method, String path, String token, String requestJson) {
    byte[] body = requestJson == null ? new byte[0] : ("{\"request\":" + requestJson + "}").getBytes(StandardCharsets.UTF_8);
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), path,
        Unpooled.wrappedBuffer(body));
    request.headers().set(HttpHeaderNames.HOST, hostHeader).set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    if (requestJson != null) {
      request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    }
    Call call = new Call(request, new CompletableFuture<>());
    loop.execute(() -> dispatch(call));
    return call.done();
  }

  /** On the event loop: an idle connection takes the call, else a new one is opened, else it waits its turn. */
  private void dispatch(Call call) {
    Channel ch = idle.pollFirst();
    if (ch != null) {
      start(ch, call);
    } else if (open < maxConnections) {
      open++;
      bootstrap.connect().addListener(f -> {
        if (f.isSuccess()) {
          start(((io.netty.channel.ChannelFuture) f).channel(), call);
        } else {
          open--;
          call.done().completeExceptionally(f.cause());
          next(null);
        }
      });
    } else {
      waiting.addLast(call);
    }
  }

  private void start(Channel ch, Call call) {
    Answers answers = ch.pipeline().get(Answers.class);
    answers.current = call;
    answers.timeout = loop.schedule(() -> {
      if (answers.current == call) {
        ch.close(); // channelInactive fails the call
      }
    }, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    ch.writeAndFlush(call.request()).addListener(f -> {
      if (!f.isSuccess()) {
        ch.close();
      }
    });
  }

  /** A connection is free again (or gone, when null): the next waiting call takes it or it goes idle. */
  private void next(Channel ch) {
    Call call = waiting.pollFirst();
    if (call == null) {
      if (ch != null) {
        idle.addLast(ch);
      }
    } else if (ch != null) {
      start(ch, call);
    } else {
      dispatch(call);
    }
  }

  private final class Answers extends SimpleChannelInboundHandler<FullHttpResponse> {
    Call current;
    io.netty.util.concurrent.ScheduledFuture<?> timeout;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      Call call = finish();
      if (call == null) {
        ctx.close(); // an answer nobody asked for (e.g. a 408 on an idle connection): the connection is not reusable
        return;
      }
      call.done().complete(new StrideClient.Response(response.status().code(),
          response.content().toString(StandardCharsets.UTF_8)));
      if (io.netty.handler.codec.http.HttpUtil.isKeepAlive(response)) {
        next(ctx.channel());
      } else {
        ctx.close();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      open--;
      idle.remove(ctx.channel());
      Call call = finish();
      if (call != null) {
        call.done().completeExceptionally(new TimeoutException("connection closed before the answer"));
      }
      next(null);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      Call call = finish();
      if (call != null) {
        call.done().completeExceptionally(new IOException(cause));
      }
      ctx.close();
    }

    private Call finish() {
      Call call = current;
      current = null;
      if (timeout != null) {
        timeout.cancel(false);
        timeout = null;
      }
      return call;
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
