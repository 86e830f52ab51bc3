package dev.stride.ops.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Tiny line-protocol probes: enough to ask a server whether it serves, without a client library. */
final class Probes {
  private Probes() {}

  static boolean portOpen(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Sends the request and returns what the server answers before closing (or 4 KiB, or 2 s). */
  static String ask(String host, int port, String request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[4096];
      int n = in.read(buf);
      return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return "";
    }
  }
}
