package com.example.inframodels.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A POST held open halfway: headers and half the body sent, the rest on {@link #finish()}. The
 * server is inside the request meanwhile, which is how the shutdown tests keep one in flight.
 */
public final class InFlightRequest implements AutoCloseable {

  private final Socket socket;
  private final byte[] body;
  private final int half;

  private InFlightRequest(Socket socket, byte[] body) {
    this.socket = socket;
    this.body = body;
    this.half = body.length / 2;
  }

  /** Connects, and sends the headers and the first half of {@code body} as JSON. */
  public static InFlightRequest start(InetSocketAddress server, String path, byte[] body)
      throws IOException {
    Socket socket = new Socket();
    socket.connect(server, 5_000);
    socket.setSoTimeout(30_000);
    InFlightRequest request = new InFlightRequest(socket, body);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body, 0, request.half);
    out.flush();
    return request;
  }

  /** Sends the rest of the body; returns the raw response, status line first. */
  public String finish() throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(body, half, body.length - half);
    out.flush();
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    socket.getInputStream().transferTo(response);
    return response.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
